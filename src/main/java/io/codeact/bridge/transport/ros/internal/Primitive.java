package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.Duration;
import io.codeact.bridge.transport.ros.Time;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The builtin ROS 1 field types and how each one is written, read and given as a Java value.
 *
 * <table>
 * <caption>Java values</caption>
 * <tr><th>ROS</th><th>Java (read)</th><th>Java (accepted when writing)</th></tr>
 * <tr><td>bool</td><td>Boolean</td><td>Boolean</td></tr>
 * <tr><td>int8, uint8, int16, uint16, int32, byte, char</td><td>Integer</td><td>Byte, Short, Integer, Long, BigInteger within range</td></tr>
 * <tr><td>uint32, int64</td><td>Long</td><td>the same</td></tr>
 * <tr><td>uint64</td><td>Long, or BigInteger above Long.MAX_VALUE</td><td>the same</td></tr>
 * <tr><td>float32 / float64</td><td>Float / Double</td><td>any Number</td></tr>
 * <tr><td>string</td><td>String (UTF-8 on the wire)</td><td>CharSequence</td></tr>
 * <tr><td>time / duration</td><td>{@link Time} / {@link Duration}</td><td>those, {@code Instant} / {@code java.time.Duration},
 *     or a map with {@code secs} and {@code nsecs}</td></tr>
 * </table>
 * {@code byte} is the deprecated alias of int8 and {@code char} of uint8: same wire form, but the MD5 text keeps
 * the name as written.
 */
public enum Primitive implements FieldCodec {
    BOOL("bool", 1) {
        @Override public void write(Object value, WireWriter out) {
            if (!(value instanceof Boolean b)) {
                throw CodecProblem.expected(rosType(), value);
            }
            out.writeByte(b ? 1 : 0);
        }
        @Override public Object read(WireReader in) {
            return in.readByte() != 0;
        }
        @Override public Object defaultValue() {
            return Boolean.FALSE;
        }
        @Override Object parseConstant(String text) {
            return switch (text) {
                case "True", "true", "1" -> Boolean.TRUE;
                case "False", "false", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("a bool constant is True, False, 1 or 0");
            };
        }
    },
    INT8("int8", 1) {
        @Override public void write(Object value, WireWriter out) {
            out.writeByte((int) integral(value, -128, 127));
        }
        @Override public Object read(WireReader in) {
            return in.readByte();
        }
    },
    UINT8("uint8", 1) {
        @Override public void write(Object value, WireWriter out) {
            out.writeByte((int) integral(value, 0, 255));
        }
        @Override public Object read(WireReader in) {
            return in.readByte() & 0xFF;
        }
    },
    INT16("int16", 2) {
        @Override public void write(Object value, WireWriter out) {
            out.writeShort((int) integral(value, Short.MIN_VALUE, Short.MAX_VALUE));
        }
        @Override public Object read(WireReader in) {
            return in.readShort();
        }
    },
    UINT16("uint16", 2) {
        @Override public void write(Object value, WireWriter out) {
            out.writeShort((int) integral(value, 0, 0xFFFF));
        }
        @Override public Object read(WireReader in) {
            return in.readShort() & 0xFFFF;
        }
    },
    INT32("int32", 4) {
        @Override public void write(Object value, WireWriter out) {
            out.writeInt((int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        @Override public Object read(WireReader in) {
            return in.readInt();
        }
    },
    UINT32("uint32", 4) {
        @Override public void write(Object value, WireWriter out) {
            out.writeInt((int) integral(value, 0, 0xFFFF_FFFFL));
        }
        @Override public Object read(WireReader in) {
            return in.readInt() & 0xFFFF_FFFFL;
        }
        @Override public Object defaultValue() {
            return 0L;
        }
    },
    INT64("int64", 8) {
        @Override public void write(Object value, WireWriter out) {
            out.writeLong(integral(value, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        @Override public Object read(WireReader in) {
            return in.readLong();
        }
        @Override public Object defaultValue() {
            return 0L;
        }
    },
    UINT64("uint64", 8) {
        @Override public void write(Object value, WireWriter out) {
            if (value instanceof BigInteger big && big.signum() >= 0 && big.bitLength() <= 64) {
                out.writeLong(big.longValue());
            } else if (value instanceof BigInteger || value instanceof Number n && n.longValue() < 0) {
                throw CodecProblem.outOfRange(rosType(), value, "0 to 18446744073709551615");
            } else {
                out.writeLong(integral(value, 0, Long.MAX_VALUE));
            }
        }
        @Override public Object read(WireReader in) {
            return unsigned64(in.readLong());
        }
        @Override public Object defaultValue() {
            return 0L;
        }
        @Override Object parseConstant(String text) {
            BigInteger value = parseInteger(text);
            if (value.signum() < 0 || value.bitLength() > 64) {
                throw new IllegalArgumentException(text + " is out of range for uint64, which holds 0 to 18446744073709551615");
            }
            return unsigned64(value.longValue());
        }
    },
    FLOAT32("float32", 4) {
        @Override public void write(Object value, WireWriter out) {
            if (!(value instanceof Number n)) {
                throw CodecProblem.expected(rosType(), value);
            }
            out.writeFloat(n.floatValue());
        }
        @Override public Object read(WireReader in) {
            return in.readFloat();
        }
        @Override public Object defaultValue() {
            return 0.0f;
        }
        @Override Object parseConstant(String text) {
            return (float) parseFloat(text);
        }
    },
    FLOAT64("float64", 8) {
        @Override public void write(Object value, WireWriter out) {
            if (!(value instanceof Number n)) {
                throw CodecProblem.expected(rosType(), value);
            }
            out.writeDouble(n.doubleValue());
        }
        @Override public Object read(WireReader in) {
            return in.readDouble();
        }
        @Override public Object defaultValue() {
            return 0.0;
        }
        @Override Object parseConstant(String text) {
            return parseFloat(text);
        }
    },
    STRING("string", 4) {
        @Override public void write(Object value, WireWriter out) {
            if (!(value instanceof CharSequence s)) {
                throw CodecProblem.expected(rosType(), value);
            }
            out.writeString(s.toString());
        }
        @Override public Object read(WireReader in) {
            return in.readString();
        }
        @Override public Object defaultValue() {
            return "";
        }
        @Override Object parseConstant(String text) {
            return text;
        }
    },
    TIME("time", 8) {
        @Override public void write(Object value, WireWriter out) {
            Time time = switch (value) {
                case Time t -> t;
                case Instant i -> instantTime(i);
                case Map<?, ?> m -> new Time(part(m, "secs", "uint32", 0, 0xFFFF_FFFFL), part(m, "nsecs", "uint32", 0, 0xFFFF_FFFFL));
                default -> throw CodecProblem.expected("time (Time, Instant or {secs, nsecs})", value);
            };
            out.writeInt((int) time.secs());
            out.writeInt((int) time.nsecs());
        }
        @Override public Object read(WireReader in) {
            long secs = in.readInt() & 0xFFFF_FFFFL;
            return new Time(secs, in.readInt() & 0xFFFF_FFFFL);
        }
        @Override public Object defaultValue() {
            return Time.ZERO;
        }
    },
    DURATION("duration", 8) {
        @Override public void write(Object value, WireWriter out) {
            Duration duration = switch (value) {
                case Duration d -> d;
                case java.time.Duration d -> javaDuration(d);
                case Map<?, ?> m -> new Duration((int) part(m, "secs", "int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        (int) part(m, "nsecs", "int32", Integer.MIN_VALUE, Integer.MAX_VALUE));
                default -> throw CodecProblem.expected("duration (Duration, java.time.Duration or {secs, nsecs})", value);
            };
            out.writeInt(duration.secs());
            out.writeInt(duration.nsecs());
        }
        @Override public Object read(WireReader in) {
            int secs = in.readInt();
            return new Duration(secs, in.readInt());
        }
        @Override public Object defaultValue() {
            return Duration.ZERO;
        }
    },
    /** Deprecated alias of int8. */
    BYTE("byte", 1) {
        @Override public void write(Object value, WireWriter out) {
            out.writeByte((int) integral(value, -128, 127));
        }
        @Override public Object read(WireReader in) {
            return in.readByte();
        }
        @Override public Primitive wireType() {
            return INT8;
        }
    },
    /** Deprecated alias of uint8. */
    CHAR("char", 1) {
        @Override public void write(Object value, WireWriter out) {
            out.writeByte((int) integral(value, 0, 255));
        }
        @Override public Object read(WireReader in) {
            return in.readByte() & 0xFF;
        }
        @Override public Primitive wireType() {
            return UINT8;
        }
    };

    private static final Map<String, Primitive> BY_NAME = new HashMap<>();
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    static {
        for (Primitive p : values()) {
            BY_NAME.put(p.rosName, p);
        }
    }

    private final String rosName;
    private final int size;

    Primitive(String rosName, int size) {
        this.rosName = rosName;
        this.size = size;
    }

    /** The builtin type called {@code name} ({@code float64}, {@code time}, …), or {@code null} if it is not one. */
    public static Primitive of(String name) {
        return BY_NAME.get(name);
    }

    @Override
    public String rosType() {
        return rosName;
    }

    /** The type with the same wire form: itself, or int8/uint8 for the {@code byte}/{@code char} aliases. */
    public Primitive wireType() {
        return this;
    }

    /** Whether a constant may have this type (every builtin but time and duration). */
    public boolean isConstantType() {
        return this != TIME && this != DURATION;
    }

    @Override
    public int minSize() {
        return size;
    }

    @Override
    public void writeDefault(WireWriter out) {
        if (this == STRING) {
            out.writeInt(0);
        } else {
            out.writeZeros(size);
        }
    }

    @Override
    public Object defaultValue() {
        return 0;
    }

    /**
     * The Java value of a constant written as {@code text} (already stripped).
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    Object parseConstant(String text) {
        if (!isConstantType()) {
            throw new IllegalArgumentException(rosName + " cannot be a constant type");
        }
        BigInteger value = parseInteger(text);
        long[] range = integerRange();
        if (value.bitLength() > 63 || value.longValue() < range[0] || value.longValue() > range[1]) {
            throw new IllegalArgumentException(text + " is out of range for " + rosName + ", which holds " + range[0] + " to "
                    + range[1]);
        }
        return defaultValue() instanceof Long ? (Object) value.longValue() : (Object) value.intValue();
    }

    private long[] integerRange() {
        return switch (wireType()) {
            case INT8 -> new long[] {-128, 127};
            case UINT8 -> new long[] {0, 255};
            case INT16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case UINT16 -> new long[] {0, 0xFFFF};
            case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case UINT32 -> new long[] {0, 0xFFFF_FFFFL};
            default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        };
    }

    /** The value of an integer field as a long, checked against {@code min..max}. */
    long integral(Object value, long min, long max) {
        return integral(rosName, value, min, max);
    }

    private static long integral(String rosType, Object value, long min, long max) {
        long v;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw CodecProblem.outOfRange(rosType, value, min + " to " + max);
            }
            v = big.longValue();
        } else {
            throw CodecProblem.expected(rosType, value);
        }
        if (v < min || v > max) {
            throw CodecProblem.outOfRange(rosType, value, min + " to " + max);
        }
        return v;
    }

    long part(Map<?, ?> map, String key, String partType, long min, long max) {
        for (Object k : map.keySet()) {
            if (!"secs".equals(k) && !"nsecs".equals(k)) {
                throw new CodecProblem("unknown field of " + rosName + "; its fields are secs, nsecs").inField(String.valueOf(k));
            }
        }
        Object v = map.get(key);
        if (v == null) {
            return 0;
        }
        try {
            return integral(partType, v, min, max);
        } catch (CodecProblem p) {
            throw p.inField(key);
        }
    }

    private static Time instantTime(Instant instant) {
        try {
            return Time.of(instant);
        } catch (IllegalArgumentException e) {
            throw new CodecProblem(instant + " does not fit a ROS time (1970 to 2106)");
        }
    }

    private static Duration javaDuration(java.time.Duration d) {
        try {
            return Duration.of(d);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CodecProblem(d + " does not fit a ROS duration (int32 seconds)");
        }
    }

    static Object unsigned64(long bits) {
        return bits >= 0 ? (Object) bits : new BigInteger(Long.toUnsignedString(bits));
    }

    static BigInteger parseInteger(String text) {
        if (!INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an integer");
        }
        return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    }

    static double parseFloat(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        double sign = t.startsWith("-") ? -1 : 1;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number");
        }
        return Double.parseDouble(text);
    }
}
