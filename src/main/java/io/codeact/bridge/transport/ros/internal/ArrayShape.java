package io.codeact.bridge.transport.ros.internal;

/**
 * The part of a ROS array field, {@code T[]} or {@code T[N]}, that does not depend on what the elements
 * are: its type name, the length prefix or fixed length, and writing or reading one element with its
 * index in the error path. Shared by {@link ByteArrayCodec}, {@link PrimitiveArrayCodec} and
 * {@link MessageArrayCodec}.
 *
 * @param element     the element codec
 * @param fixedLength N for {@code T[N]}, -1 for {@code T[]}
 * @param rosType     the array's type as written, e.g. {@code float64[36]}
 */
record ArrayShape(FieldCodec element, int fixedLength, String rosType) {
    ArrayShape(FieldCodec element, int fixedLength) {
        this(element, fixedLength, element.rosType() + (fixedLength >= 0 ? "[" + fixedLength + "]" : "[]"));
    }

    /** Writes the length prefix of a {@code T[]}, or checks that a {@code T[N]} gets exactly N elements. */
    void writeLength(int length, WireWriter out) {
        if (fixedLength < 0) {
            out.writeInt(length);
        } else if (length != fixedLength) {
            throw CodecProblem.wrongLength(rosType, fixedLength, length);
        }
    }

    /** Reads the length prefix of a {@code T[]}, or checks that the N elements of a {@code T[N]} can be there. */
    int readLength(WireReader in) {
        if (fixedLength < 0) {
            return in.readLength(element.minSize());
        }
        in.need((long) fixedLength * element.minSize());
        return fixedLength;
    }

    /** Writes element {@code index}; a null or bad element is a problem at that index. */
    void writeElement(Object value, int index, WireWriter out) {
        if (value == null) {
            throw CodecProblem.expected(element.rosType(), null).atIndex(index);
        }
        try {
            element.write(value, out);
        } catch (CodecProblem p) {
            throw p.atIndex(index);
        }
    }

    /** Reads element {@code index}; a problem reading it is a problem at that index. */
    Object readElement(WireReader in, int index) {
        try {
            return element.read(in);
        } catch (CodecProblem p) {
            throw p.atIndex(index);
        }
    }

    /** An empty {@code T[]}, or N default elements. */
    void writeDefault(WireWriter out) {
        if (fixedLength < 0) {
            out.writeInt(0);
        } else {
            for (int i = 0; i < fixedLength; i++) {
                element.writeDefault(out);
            }
        }
    }

    int minSize() {
        return fixedLength < 0 ? 4 : (int) Math.min(Integer.MAX_VALUE, (long) fixedLength * element.minSize());
    }
}
