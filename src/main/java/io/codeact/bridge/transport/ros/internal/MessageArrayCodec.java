package io.codeact.bridge.transport.ros.internal;

import java.util.ArrayList;
import java.util.List;

/** Arrays of messages, {@code geometry_msgs/Pose[]} or fixed {@code T[N]}: lists of maps. */
final class MessageArrayCodec implements FieldCodec {
    private final MessageCodec element;
    private final int fixedLength;
    private final String rosType;

    /** @param fixedLength N for {@code T[N]}, -1 for {@code T[]} */
    MessageArrayCodec(MessageCodec element, int fixedLength) {
        this.element = element;
        this.fixedLength = fixedLength;
        this.rosType = element.rosType() + (fixedLength >= 0 ? "[" + fixedLength + "]" : "[]");
    }

    @Override
    public String rosType() {
        return rosType;
    }

    @Override
    public void write(Object value, WireWriter out) {
        List<?> list;
        if (value instanceof List<?> l) {
            list = l;
        } else if (value instanceof Object[] array) {
            list = java.util.Arrays.asList(array);
        } else {
            throw CodecProblem.expected(rosType + " (a list)", value);
        }
        if (fixedLength < 0) {
            out.writeInt(list.size());
        } else if (list.size() != fixedLength) {
            throw CodecProblem.wrongLength(rosType, fixedLength, list.size());
        }
        for (int i = 0; i < list.size(); i++) {
            Object v = list.get(i);
            if (v == null) {
                throw CodecProblem.expected(element.rosType(), null).atIndex(i);
            }
            try {
                element.write(v, out);
            } catch (CodecProblem p) {
                throw p.atIndex(i);
            }
        }
    }

    @Override
    public void writeDefault(WireWriter out) {
        if (fixedLength < 0) {
            out.writeInt(0);
        } else {
            for (int i = 0; i < fixedLength; i++) {
                element.writeDefault(out);
            }
        }
    }

    @Override
    public Object read(WireReader in) {
        int length;
        if (fixedLength < 0) {
            length = in.readLength(element.minSize());
        } else {
            length = fixedLength;
            in.need((long) length * element.minSize());
        }
        List<Object> values = new ArrayList<>(Math.min(length, 1 << 16));
        for (int i = 0; i < length; i++) {
            try {
                values.add(element.read(in));
            } catch (CodecProblem p) {
                throw p.atIndex(i);
            }
        }
        return values;
    }

    @Override
    public Object defaultValue() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < fixedLength; i++) {
            values.add(element.defaultValue());
        }
        return values;
    }

    @Override
    public int minSize() {
        return fixedLength < 0 ? 4 : (int) Math.min(Integer.MAX_VALUE, (long) fixedLength * element.minSize());
    }
}
