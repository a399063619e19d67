package io.codeact.bridge.transport.ros.internal;

import java.util.List;

/**
 * {@code uint8[]}, {@code char[]} and their fixed-size forms: raw bytes (images, point clouds, maps), read as
 * {@code byte[]} like rospy reads them as {@code bytes}. Writing also accepts a list of numbers 0..255.
 */
final class ByteArrayCodec implements FieldCodec {
    private final ArrayShape shape;
    private final int fixedLength;

    /** @param fixedLength N for {@code uint8[N]}, -1 for {@code uint8[]} */
    ByteArrayCodec(Primitive element, int fixedLength) {
        this.shape = new ArrayShape(element, fixedLength);
        this.fixedLength = fixedLength;
    }

    @Override
    public String rosType() {
        return shape.rosType();
    }

    @Override
    public void write(Object value, WireWriter out) {
        if (value instanceof byte[] bytes) {
            shape.writeLength(bytes.length, out);
            out.writeBytes(bytes);
        } else if (value instanceof List<?> list) {
            shape.writeLength(list.size(), out);
            for (int i = 0; i < list.size(); i++) {
                shape.writeElement(list.get(i), i, out);
            }
        } else {
            throw CodecProblem.expected(shape.rosType() + " (byte[] or a list)", value);
        }
    }

    @Override
    public void writeDefault(WireWriter out) {
        out.writeZeros(fixedLength < 0 ? 4 : fixedLength);
    }

    @Override
    public Object read(WireReader in) {
        return in.readBytes(fixedLength < 0 ? in.readLength(1) : fixedLength);
    }

    @Override
    public Object defaultValue() {
        return new byte[Math.max(0, fixedLength)];
    }

    @Override
    public int minSize() {
        return fixedLength < 0 ? 4 : fixedLength;
    }
}
