package io.codeact.bridge.transport.ros.internal;

import java.util.List;

/**
 * {@code uint8[]}, {@code char[]} and their fixed-size forms: raw bytes (images, point clouds, maps), read as
 * {@code byte[]} like rospy reads them as {@code bytes}. Writing also accepts a list of numbers 0..255.
 */
final class ByteArrayCodec implements FieldCodec {
    private final Primitive element;
    private final int fixedLength;
    private final String rosType;

    /** @param fixedLength N for {@code uint8[N]}, -1 for {@code uint8[]} */
    ByteArrayCodec(Primitive element, int fixedLength) {
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
        if (value instanceof byte[] bytes) {
            writeLength(bytes.length, out);
            out.writeBytes(bytes);
        } else if (value instanceof List<?> list) {
            writeLength(list.size(), out);
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
        } else {
            throw CodecProblem.expected(rosType + " (byte[] or a list)", value);
        }
    }

    private void writeLength(int length, WireWriter out) {
        if (fixedLength < 0) {
            out.writeInt(length);
        } else if (length != fixedLength) {
            throw CodecProblem.wrongLength(rosType, fixedLength, length);
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
