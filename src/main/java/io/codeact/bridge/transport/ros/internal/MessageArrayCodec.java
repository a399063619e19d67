package io.codeact.bridge.transport.ros.internal;

import java.util.ArrayList;
import java.util.List;

/** Arrays of messages, {@code geometry_msgs/Pose[]} or fixed {@code T[N]}: lists of maps. */
final class MessageArrayCodec implements FieldCodec {
    private final MessageCodec element;
    private final ArrayShape shape;

    /** @param fixedLength N for {@code T[N]}, -1 for {@code T[]} */
    MessageArrayCodec(MessageCodec element, int fixedLength) {
        this.element = element;
        this.shape = new ArrayShape(element, fixedLength);
    }

    @Override
    public String rosType() {
        return shape.rosType();
    }

    @Override
    public void write(Object value, WireWriter out) {
        List<?> list;
        if (value instanceof List<?> l) {
            list = l;
        } else if (value instanceof Object[] array) {
            list = java.util.Arrays.asList(array);
        } else {
            throw CodecProblem.expected(shape.rosType() + " (a list)", value);
        }
        shape.writeLength(list.size(), out);
        for (int i = 0; i < list.size(); i++) {
            shape.writeElement(list.get(i), i, out);
        }
    }

    @Override
    public void writeDefault(WireWriter out) {
        shape.writeDefault(out);
    }

    @Override
    public Object read(WireReader in) {
        int length = shape.readLength(in);
        List<Object> values = new ArrayList<>(Math.min(length, 1 << 16));
        for (int i = 0; i < length; i++) {
            values.add(shape.readElement(in, i));
        }
        return values;
    }

    @Override
    public Object defaultValue() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < shape.fixedLength(); i++) {
            values.add(element.defaultValue());
        }
        return values;
    }

    @Override
    public int minSize() {
        return shape.minSize();
    }
}
