package io.codeact.bridge.transport.ros.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Turns Java primitive arrays (other than byte[]) into lists, for XML-RPC arrays and printing. */
final class PrimitiveArrays {
    private PrimitiveArrays() {
    }

    /** @throws IllegalArgumentException if {@code value} is not an array */
    static List<Object> toList(Object value) {
        if (value == null || !value.getClass().isArray()) {
            throw new IllegalArgumentException("cannot write " + (value == null ? "null" : value.getClass().getName())
                    + " as an XML-RPC value; use numbers, strings, booleans, byte[], lists or maps");
        }
        int n = Array.getLength(value);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Array.get(value, i));
        }
        return out;
    }
}
