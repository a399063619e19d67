package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.CodecProblem;
import io.codeact.bridge.transport.ros.internal.ConstantSpec;
import io.codeact.bridge.transport.ros.internal.Primitive;
import io.codeact.bridge.transport.ros.internal.ResolvedMessage;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A ROS 1 message type, resolved: its name, MD5 sum, full definition text, fields and constants, and a
 * compiled codec between the wire bytes and Java maps. Get one from a {@link MessageRegistry}. Immutable and
 * thread-safe.
 *
 * <p>Messages are {@code Map}s from field name to value. Java values by ROS type: {@code bool} Boolean;
 * {@code int8, uint8, int16, uint16, int32} (and the aliases {@code byte}, {@code char}) Integer; {@code uint32,
 * int64} Long; {@code uint64} Long, or BigInteger above {@code Long.MAX_VALUE}; {@code float32} Float;
 * {@code float64} Double; {@code string} String; {@code time} {@link Time}; {@code duration} {@link Duration};
 * {@code uint8[]} and {@code char[]} (fixed or not) {@code byte[]}; other arrays {@code List} (numeric ones
 * fixed-size and backed by a primitive array); nested messages {@code Map}. Serialising is lenient where it
 * is safe: any integral Number within range for integers, any Number for floats, primitive arrays or
 * {@code Object[]} for lists, {@code Instant}/{@code java.time.Duration} or a {@code {secs, nsecs}} map for times.
 * <pre>{@code
 * MessageType twist = MessageRegistry.withBundledTypes().message("geometry_msgs/Twist");
 * byte[] wire = twist.serialize(Map.of("linear", Map.of("x", 0.5), "angular", Map.of("z", 0.1)));
 * Map<String, Object> back = twist.deserialize(wire);   // {linear={x=0.5, y=0.0, z=0.0}, angular={...}}
 * }</pre>
 */
public final class MessageType implements RosType {
    private final ResolvedMessage resolved;
    private final List<Field> fields;
    private final List<Constant> constants;

    MessageType(ResolvedMessage resolved) {
        this.resolved = resolved;
        this.fields = resolved.spec().fields().stream().map(f -> new Field(f.name(), f.type())).toList();
        this.constants = resolved.spec().constants().stream().map(MessageType::constant).toList();
    }

    private static Constant constant(ConstantSpec c) {
        return new Constant(c.name(), c.type(), c.value());
    }

    /** The full type name, e.g. {@code geometry_msgs/Twist}. */
    @Override
    public String name() {
        return resolved.spec().name();
    }

    /** The MD5 sum as 32 lowercase hex digits, the same as {@code rosmsg md5} prints. */
    @Override
    public String md5() {
        return resolved.md5();
    }

    /**
     * The full definition a publisher sends as {@code message_definition} in its connection header: this
     * type's text, then for each type it uses a line of 80 {@code =}, {@code MSG: pkg/Type} and that type's text.
     */
    public String definition() {
        return resolved.definition();
    }

    /** This type's own definition text, exactly as loaded (comments included). */
    public String text() {
        return resolved.spec().text();
    }

    /** Where the definition came from: a file path, {@code bundled:pkg/msg/Type.msg}, or the label given with the text. */
    public String source() {
        return resolved.spec().source();
    }

    /** The fields in wire order. */
    public List<Field> fields() {
        return fields;
    }

    /** The constants in declaration order; they are not part of the serialised message. */
    public List<Constant> constants() {
        return constants;
    }

    /** Every message type this one uses, directly or not, in the order of the {@link #definition()} sections. */
    public List<String> dependencies() {
        return resolved.dependencies();
    }

    /** A new message with every field at its zero value (0, false, "", empty lists, zero time), mutable. */
    public Map<String, Object> newMessage() {
        return resolved.codec().defaultValue();
    }

    /**
     * The wire form of {@code message}, without the 4-byte length prefix TCPROS puts in front. Missing fields
     * are written as zero values.
     *
     * @throws MessageValueException if a value does not fit its field or a key is not a field
     */
    public byte[] serialize(Map<String, ?> message) {
        try {
            return resolved.codec().serialize(message);
        } catch (CodecProblem p) {
            throw new MessageValueException(name(), p.path(), p.problem(), p);
        }
    }

    /**
     * Reads one message that takes all of {@code bytes}.
     *
     * @throws MalformedMessageException if the bytes end too soon or some are left over
     */
    public Map<String, Object> deserialize(byte[] bytes) {
        return deserialize(bytes, 0, bytes.length);
    }

    /**
     * Reads one message that takes exactly {@code length} bytes from {@code offset}.
     *
     * @throws MalformedMessageException if the bytes end too soon or some are left over
     */
    public Map<String, Object> deserialize(byte[] bytes, int offset, int length) {
        try {
            return resolved.codec().deserialize(bytes, offset, length);
        } catch (CodecProblem p) {
            throw new MalformedMessageException(name(), p.path(), p.problem(), p);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageType other && name().equals(other.name()) && md5().equals(other.md5());
    }

    @Override
    public int hashCode() {
        return name().hashCode() * 31 + md5().hashCode();
    }

    @Override
    public String toString() {
        return name() + " (md5 " + md5() + ")";
    }

    /**
     * One field.
     *
     * @param name the field name
     * @param type the type as genmsg resolves it: builtins as written ({@code float64[36]}, {@code byte}),
     *             message types with their package ({@code std_msgs/Header}, {@code geometry_msgs/Point[]})
     */
    public record Field(String name, String type) {
        /** Whether the field is an array, fixed-size or not. */
        public boolean isArray() {
            return type.endsWith("]");
        }

        /** N for a fixed-size array {@code T[N]}; empty for {@code T[]} and for non-arrays. */
        public OptionalInt fixedLength() {
            int open = type.indexOf('[');
            return open < 0 || type.endsWith("[]") ? OptionalInt.empty()
                    : OptionalInt.of(Integer.parseInt(type.substring(open + 1, type.length() - 1)));
        }

        /** The type without any array suffix: {@code geometry_msgs/Point} for {@code geometry_msgs/Point[]}. */
        public String elementType() {
            int open = type.indexOf('[');
            return open < 0 ? type : type.substring(0, open);
        }

        /** Whether the element type is a builtin ({@code float64}, {@code string}, {@code time}, …) rather than a message. */
        public boolean isBuiltin() {
            return Primitive.of(elementType()) != null;
        }
    }

    /**
     * One constant, e.g. {@code uint8 STATUS_FIX=0} of {@code sensor_msgs/NavSatStatus}.
     *
     * @param name  the constant name
     * @param type  its builtin type as written
     * @param value its value, as the Java type a field of that type reads as
     */
    public record Constant(String name, String type, Object value) {
    }
}
