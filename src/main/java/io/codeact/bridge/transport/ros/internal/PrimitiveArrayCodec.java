package io.codeact.bridge.transport.ros.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Arrays of builtins other than uint8/char ({@link ByteArrayCodec} has those): {@code float32[]},
 * {@code float64[36]}, {@code string[]}, {@code time[]}, …. Numeric arrays are read into primitive-backed lists
 * ({@link NumericLists}); writing accepts any {@code List}, {@code Object[]} or primitive array.
 */
final class PrimitiveArrayCodec implements FieldCodec {
    private final Primitive element;
    private final Primitive wire;
    private final ArrayShape shape;

    /** @param fixedLength N for {@code T[N]}, -1 for {@code T[]} */
    PrimitiveArrayCodec(Primitive element, int fixedLength) {
        this.element = element;
        this.wire = element.wireType();
        this.shape = new ArrayShape(element, fixedLength);
    }

    @Override
    public String rosType() {
        return shape.rosType();
    }

    @Override
    public void write(Object value, WireWriter out) {
        if (value instanceof List<?> list) {
            shape.writeLength(list.size(), out);
            if (wire == Primitive.FLOAT64 && list instanceof NumericLists.Doubles d) {
                out.writeDoubles(d.values);
            } else if (wire == Primitive.FLOAT32 && list instanceof NumericLists.Floats f) {
                out.writeFloats(f.values);
            } else if (wire == Primitive.FLOAT32 || wire == Primitive.FLOAT64) {
                writeFloatingPoint(list, out);
            } else {
                for (int i = 0; i < list.size(); i++) {
                    shape.writeElement(list.get(i), i, out);
                }
            }
        } else if (value instanceof double[] doubles && wire == Primitive.FLOAT64) {
            shape.writeLength(doubles.length, out);
            out.writeDoubles(doubles);
        } else if (value instanceof float[] floats && wire == Primitive.FLOAT32) {
            shape.writeLength(floats.length, out);
            out.writeFloats(floats);
        } else if (value instanceof Object[] array) {
            shape.writeLength(array.length, out);
            for (int i = 0; i < array.length; i++) {
                shape.writeElement(array[i], i, out);
            }
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            shape.writeLength(length, out);
            for (int i = 0; i < length; i++) {
                shape.writeElement(Array.get(value, i), i, out);
            }
        } else {
            throw CodecProblem.expected(shape.rosType() + " (a list)", value);
        }
    }

    /** Boxed floats (a laser scan built in Java or Python): one type test per element instead of a virtual call. */
    private void writeFloatingPoint(List<?> list, WireWriter out) {
        boolean single = wire == Primitive.FLOAT32;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Number n) {
                if (single) {
                    out.writeFloat(n.floatValue());
                } else {
                    out.writeDouble(n.doubleValue());
                }
            } else {
                shape.writeElement(list.get(i), i, out);
            }
        }
    }

    @Override
    public void writeDefault(WireWriter out) {
        shape.writeDefault(out);
    }

    @Override
    public Object read(WireReader in) {
        int length = shape.readLength(in);
        switch (wire) {
            case FLOAT64 -> {
                double[] values = new double[length];
                in.readDoubles(values);
                return new NumericLists.Doubles(values);
            }
            case FLOAT32 -> {
                float[] values = new float[length];
                in.readFloats(values);
                return new NumericLists.Floats(values);
            }
            case INT8, INT16, UINT16, INT32 -> {
                int[] values = new int[length];
                for (int i = 0; i < length; i++) {
                    values[i] = switch (wire) {
                        case INT8 -> in.readByte();
                        case INT16 -> in.readShort();
                        case UINT16 -> in.readShort() & 0xFFFF;
                        default -> in.readInt();
                    };
                }
                return new NumericLists.Ints(values);
            }
            case UINT32, INT64 -> {
                long[] values = new long[length];
                for (int i = 0; i < length; i++) {
                    values[i] = wire == Primitive.INT64 ? in.readLong() : in.readInt() & 0xFFFF_FFFFL;
                }
                return new NumericLists.Longs(values);
            }
            default -> {
                List<Object> values = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    values.add(shape.readElement(in, i));
                }
                return values;
            }
        }
    }

    @Override
    public Object defaultValue() {
        int fixedLength = shape.fixedLength();
        if (fixedLength < 0) {
            return new ArrayList<>();
        }
        return switch (wire) {
            case FLOAT64 -> new NumericLists.Doubles(new double[fixedLength]);
            case FLOAT32 -> new NumericLists.Floats(new float[fixedLength]);
            case INT8, INT16, UINT16, INT32 -> new NumericLists.Ints(new int[fixedLength]);
            case UINT32, INT64 -> new NumericLists.Longs(new long[fixedLength]);
            default -> {
                List<Object> values = new ArrayList<>(fixedLength);
                for (int i = 0; i < fixedLength; i++) {
                    values.add(element.defaultValue());
                }
                yield values;
            }
        };
    }

    @Override
    public int minSize() {
        return shape.minSize();
    }
}
