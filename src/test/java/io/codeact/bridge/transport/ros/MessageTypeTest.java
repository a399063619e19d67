package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MessageTypeTest {
    private static final MessageRegistry TYPES = MessageRegistry.withBundledTypes()
            .addMessage("codeact_test/Everything", """
                    # one field of every kind the wire format has
                    Header header
                    bool flag
                    int8 i8
                    uint8 u8
                    int16 i16
                    uint16 u16
                    int32 i32
                    uint32 u32
                    int64 i64
                    uint64 u64
                    float32 f32
                    float64 f64
                    string text
                    time t
                    duration d
                    byte old_byte
                    char old_char
                    uint8[] blob
                    uint8[4] quad
                    char[] chars
                    byte[] signed_bytes
                    int16[3] shorts
                    uint32[] u32s
                    int64[] i64s
                    uint64[] u64s
                    float32[] f32s
                    float64[2] f64s
                    bool[] flags
                    string[] words
                    time[] times
                    duration[2] durations
                    geometry_msgs/Point[] points
                    geometry_msgs/Point[2] pair
                    uint8 KIND=7
                    string NOTE=constants are # not serialised
                    """);

    private static MessageType type(String name) {
        return TYPES.message(name);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void serialisesAStringAsLengthPrefixedUtf8() {
        assertThat(hex(type("std_msgs/String").serialize(Map.of("data", "héllo")))).isEqualTo("06000000" + "68c3a96c6c6f");
    }

    @Test
    void writesFieldsInDeclarationOrderWhateverTheMapOrder() {
        MessageType twist = type("geometry_msgs/Twist");
        byte[] a = twist.serialize(map("angular", Map.of("z", -1.0), "linear", Map.of("x", 1.0)));
        byte[] b = twist.serialize(map("linear", Map.of("x", 1.0), "angular", Map.of("z", -1.0)));
        assertThat(hex(a)).isEqualTo(hex(b)).isEqualTo("000000000000f03f" + "0".repeat(16 * 4) + "000000000000f0bf");
    }

    @Test
    void writesMissingFieldsAsZeroValues() {
        MessageType odometry = type("nav_msgs/Odometry");
        byte[] empty = odometry.serialize(Map.of());
        // seq, stamp, frame_id length, child_frame_id length, pose 7 doubles + 36, twist 6 doubles + 36
        assertThat(empty).hasSize(4 + 8 + 4 + 4 + (7 + 36 + 6 + 36) * 8).containsOnly(0);
        assertThat(odometry.deserialize(empty)).isEqualTo(odometry.newMessage());
    }

    @Test
    void newMessageHasEveryFieldAtItsZeroValue() {
        Map<String, Object> header = type("std_msgs/Header").newMessage();
        assertThat(header).containsExactly(Map.entry("seq", 0L), Map.entry("stamp", Time.ZERO), Map.entry("frame_id", ""));
        assertThat(type("geometry_msgs/PoseWithCovariance").newMessage().get("covariance")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(36).containsOnly(0.0);
    }

    @Test
    void roundTripsEveryKindOfField() {
        MessageType everything = type("codeact_test/Everything");
        Map<String, Object> value = map(
                "header", map("seq", 7L, "stamp", new Time(1_700_000_000L, 5), "frame_id", "base_link"),
                "flag", true, "i8", -128, "u8", 255, "i16", -32768, "u16", 65535, "i32", Integer.MIN_VALUE,
                "u32", 4294967295L, "i64", Long.MIN_VALUE, "u64", new BigInteger("18446744073709551615"),
                "f32", 1.5f, "f64", Double.NEGATIVE_INFINITY, "text", "ünïcode ✓", "t", new Time(4294967295L, 999_999_999L),
                "d", new Duration(-3, 500_000_000), "old_byte", -1, "old_char", 200,
                "blob", new byte[] {0, 1, (byte) 0xFF}, "quad", new byte[] {9, 8, 7, 6}, "chars", new byte[] {65, 66},
                "signed_bytes", List.of(-1, 0, 127), "shorts", List.of(-1, 0, 1), "u32s", List.of(0L, 4294967295L),
                "i64s", List.of(Long.MAX_VALUE), "u64s", List.of(1L, new BigInteger("9223372036854775808")),
                "f32s", List.of(0.25f, -Float.MIN_VALUE), "f64s", List.of(1e300, -0.0), "flags", List.of(true, false),
                "words", List.of("a", "", "ç"), "times", List.of(new Time(1, 2)), "durations",
                List.of(new Duration(1, 2), new Duration(-1, -2)),
                "points", List.of(map("x", 1.0, "y", 2.0, "z", 3.0), map("x", 0.0, "y", 0.0, "z", 0.0)),
                "pair", List.of(map("x", 4.0, "y", 5.0, "z", 6.0), map("x", 7.0, "y", 8.0, "z", 9.0)));

        Map<String, Object> back = everything.deserialize(everything.serialize(value));

        assertThat(back).usingRecursiveComparison().isEqualTo(value);
        assertThat(List.copyOf(back.keySet())).isEqualTo(List.copyOf(value.keySet()));
        assertThat(back).doesNotContainKeys("KIND", "NOTE");
    }

    @Test
    void readsJavaTypesByRosType() {
        MessageType everything = type("codeact_test/Everything");
        Map<String, Object> back = everything.deserialize(everything.serialize(Map.of("u64", Long.MAX_VALUE)));
        assertThat(back.get("i8")).isInstanceOf(Integer.class);
        assertThat(back.get("u16")).isInstanceOf(Integer.class);
        assertThat(back.get("i32")).isInstanceOf(Integer.class);
        assertThat(back.get("u32")).isInstanceOf(Long.class);
        assertThat(back.get("i64")).isInstanceOf(Long.class);
        assertThat(back.get("u64")).isEqualTo(Long.MAX_VALUE);
        assertThat(back.get("f32")).isInstanceOf(Float.class);
        assertThat(back.get("f64")).isInstanceOf(Double.class);
        assertThat(back.get("old_byte")).isInstanceOf(Integer.class);
        assertThat(back.get("blob")).isInstanceOf(byte[].class);
        assertThat(back.get("quad")).isEqualTo(new byte[4]);
        assertThat(back.get("t")).isEqualTo(Time.ZERO);
        assertThat(back.get("d")).isEqualTo(Duration.ZERO);
        assertThat(back.get("pair")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(2);
    }

    @Test
    void numericArraysAreFixedSizeListsWhoseElementsCanBeReplaced() {
        MessageType scan = type("sensor_msgs/LaserScan");
        Map<String, Object> read = scan.deserialize(scan.serialize(Map.of("ranges", new float[] {1.0f, 2.0f, 3.0f})));
        @SuppressWarnings("unchecked")
        List<Object> ranges = (List<Object>) read.get("ranges");
        assertThat(ranges).containsExactly(1.0f, 2.0f, 3.0f);
        ranges.set(1, 2.5);
        assertThatThrownBy(() -> ranges.add(4.0f)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(scan.deserialize(scan.serialize(read)).get("ranges")).isEqualTo(List.of(1.0f, 2.5f, 3.0f));
        // laser scans mark "no return" with NaN and infinity: both survive bit for bit
        Map<String, Object> special = scan.deserialize(scan.serialize(Map.of("ranges", List.of(Float.NaN, Float.POSITIVE_INFINITY))));
        assertThat(special.get("ranges")).isEqualTo(List.of(Float.NaN, Float.POSITIVE_INFINITY));
    }

    @Test
    void acceptsPrimitiveArraysListsAndArraysOfObjectsForArrays() {
        MessageType pose = type("geometry_msgs/PoseWithCovariance");
        double[] covariance = new double[36];
        covariance[35] = 0.5;
        byte[] fromArray = pose.serialize(Map.of("covariance", covariance));
        List<Double> asList = new ArrayList<>();
        for (double c : covariance) {
            asList.add(c);
        }
        assertThat(pose.serialize(Map.of("covariance", asList))).isEqualTo(fromArray);
        assertThat(pose.serialize(Map.of("covariance", asList.toArray()))).isEqualTo(fromArray);
        MessageType image = type("sensor_msgs/Image");
        assertThat(image.serialize(Map.of("data", List.of(1, 2, 255))))
                .isEqualTo(image.serialize(Map.of("data", new byte[] {1, 2, (byte) 255})));
    }

    @Test
    void acceptsInstantsJavaDurationsAndSecsNsecsMapsForTimes() {
        MessageType everything = type("codeact_test/Everything");
        Map<String, Object> back = everything.deserialize(everything.serialize(Map.of(
                "t", Instant.ofEpochSecond(10, 20), "d", java.time.Duration.ofMillis(-1500),
                "times", List.of(Map.of("secs", 3, "nsecs", 4)))));
        assertThat(back.get("t")).isEqualTo(new Time(10, 20));
        assertThat(back.get("d")).isEqualTo(new Duration(-2, 500_000_000));
        assertThat(back.get("times")).isEqualTo(List.of(new Time(3, 4)));
    }

    private static void assertValueRejected(String type, Map<String, ?> value, String message) {
        assertThatThrownBy(() -> type(type).serialize(value)).isInstanceOf(MessageValueException.class).hasMessage(message);
    }

    @Test
    void wrongJavaTypeNamesTheFieldPath() {
        assertValueRejected("geometry_msgs/TwistStamped", Map.of("twist", Map.of("linear", Map.of("x", "fast"))),
                "twist.linear.x: expected float64, got String \"fast\" (in geometry_msgs/TwistStamped)");
        assertValueRejected("nav_msgs/Path", Map.of("poses", List.of(Map.of(), Map.of("pose", Map.of("position", Map.of("y", true))))),
                "poses[1].pose.position.y: expected float64, got Boolean true (in nav_msgs/Path)");
        assertValueRejected("geometry_msgs/Twist", Map.of("linear", 1.0),
                "linear: expected geometry_msgs/Vector3 (a map), got Double 1.0 (in geometry_msgs/Twist)");
        assertValueRejected("std_msgs/Int32", Map.of("data", 1.0),
                "data: expected int32, got Double 1.0 (in std_msgs/Int32)");
    }

    @Test
    void exceptionCarriesTypePathAndProblemSeparately() {
        MessageValueException e = org.assertj.core.api.Assertions.catchThrowableOfType(MessageValueException.class,
                () -> type("geometry_msgs/TwistStamped").serialize(Map.of("twist", Map.of("linear", Map.of("x", "fast")))));
        assertThat(e.type()).isEqualTo("geometry_msgs/TwistStamped");
        assertThat(e.path()).isEqualTo("twist.linear.x");
        assertThat(e.problem()).isEqualTo("expected float64, got String \"fast\"");
    }

    @Test
    void unknownKeysAndConstantsAreNotFields() {
        assertValueRejected("geometry_msgs/TwistStamped", Map.of("twist", Map.of("linear", Map.of("speed", 1.0))),
                "twist.linear.speed: unknown field of geometry_msgs/Vector3; its fields are x, y, z (in geometry_msgs/TwistStamped)");
        assertValueRejected("sensor_msgs/NavSatFix", Map.of("status", Map.of("STATUS_FIX", 0)),
                "status.STATUS_FIX: a constant of sensor_msgs/NavSatStatus, not a field; its fields are status, service"
                        + " (in sensor_msgs/NavSatFix)");
        assertValueRejected("std_msgs/Empty", Map.of("x", 1), "x: unknown field of std_msgs/Empty; it has no fields (in std_msgs/Empty)");
        assertValueRejected("std_msgs/Header", Map.of("stamp", Map.of("sec", 1)),
                "stamp.sec: unknown field of time; its fields are secs, nsecs (in std_msgs/Header)");
    }

    @Test
    void rejectsNullsOutOfRangeNumbersAndWrongFixedLengths() {
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("frame_id", null);
        assertValueRejected("std_msgs/Header", withNull, "frame_id: expected string, got null (in std_msgs/Header)");
        assertValueRejected("std_msgs/UInt8", Map.of("data", 300),
                "data: 300 is out of range for uint8, which holds 0 to 255 (in std_msgs/UInt8)");
        assertValueRejected("std_msgs/UInt64", Map.of("data", -1L),
                "data: -1 is out of range for uint64, which holds 0 to 18446744073709551615 (in std_msgs/UInt64)");
        assertValueRejected("std_msgs/Header", Map.of("stamp", Map.of("secs", -1)),
                "stamp.secs: -1 is out of range for uint32, which holds 0 to 4294967295 (in std_msgs/Header)");
        assertValueRejected("geometry_msgs/PoseWithCovariance", Map.of("covariance", List.of(1.0, 2.0, 3.0)),
                "covariance: expected 36 elements for float64[36], got 3 (in geometry_msgs/PoseWithCovariance)");
        assertValueRejected("sensor_msgs/JointState", Map.of("name", List.of("a", 2)),
                "name[1]: expected string, got Integer 2 (in sensor_msgs/JointState)");
        assertValueRejected("sensor_msgs/Image", Map.of("data", "pixels"),
                "data: expected uint8[] (byte[] or a list), got String \"pixels\" (in sensor_msgs/Image)");
    }

    private static void assertBytesRejected(String type, byte[] bytes, String message) {
        assertThatThrownBy(() -> type(type).deserialize(bytes)).isInstanceOf(MalformedMessageException.class).hasMessage(message);
    }

    @Test
    void truncatedOrOverlongBytesNameTheTypeAndField() {
        assertBytesRejected("geometry_msgs/Twist", new byte[44],
                "cannot read geometry_msgs/Twist: angular.z: needs 8 bytes at offset 40, only 4 left; the data is cut off"
                        + " or is not a geometry_msgs/Twist (compare the MD5 sums of both ends)");
        assertBytesRejected("std_msgs/Bool", new byte[2],
                "cannot read std_msgs/Bool: 1 byte left over after the last field (2 bytes given, 1 used); the data is cut"
                        + " off or is not a std_msgs/Bool (compare the MD5 sums of both ends)");
        byte[] hugeLength = HexFormat.of().parseHex("ffffffff0000");
        assertBytesRejected("std_msgs/Float64MultiArray", hugeLength,
                "cannot read std_msgs/Float64MultiArray: layout.dim: length 4294967295 at offset 0 needs at least"
                        + " 51539607540 bytes, only 2 left; the data is cut off or is not a std_msgs/Float64MultiArray"
                        + " (compare the MD5 sums of both ends)");
    }

    @Test
    void readsFromAnOffsetInALargerBuffer() {
        byte[] framed = HexFormat.of().parseHex("aaaa" + "02000000" + "6869" + "bbbb");
        assertThat(type("std_msgs/String").deserialize(framed, 2, 6)).isEqualTo(Map.of("data", "hi"));
    }

    @Test
    void describesFieldsAndConstants() {
        MessageType status = type("sensor_msgs/NavSatStatus");
        assertThat(status.fields()).extracting(MessageType.Field::name, MessageType.Field::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("status", "int8"),
                        org.assertj.core.groups.Tuple.tuple("service", "uint16"));
        assertThat(status.constants()).contains(new MessageType.Constant("STATUS_FIX", "int8", 0),
                new MessageType.Constant("SERVICE_GALILEO", "uint16", 8));
        MessageType.Field covariance = type("geometry_msgs/PoseWithCovariance").fields().get(1);
        assertThat(covariance.isArray()).isTrue();
        assertThat(covariance.fixedLength()).isEqualTo(OptionalInt.of(36));
        assertThat(covariance.isBuiltin()).isTrue();
        MessageType.Field poses = type("nav_msgs/Path").fields().get(1);
        assertThat(poses.type()).isEqualTo("geometry_msgs/PoseStamped[]");
        assertThat(poses.elementType()).isEqualTo("geometry_msgs/PoseStamped");
        assertThat(poses.fixedLength()).isEmpty();
        assertThat(poses.isBuiltin()).isFalse();
    }

    @Test
    void definitionIsTheTextThenEachDependencySection() {
        MessageType odometry = type("nav_msgs/Odometry");
        assertThat(odometry.definition()).startsWith(odometry.text() + "\n" + "=".repeat(80) + "\nMSG: std_msgs/Header\n");
        assertThat(odometry.dependencies()).containsExactly("std_msgs/Header", "geometry_msgs/PoseWithCovariance",
                "geometry_msgs/Pose", "geometry_msgs/Point", "geometry_msgs/Quaternion", "geometry_msgs/TwistWithCovariance",
                "geometry_msgs/Twist", "geometry_msgs/Vector3");
        assertThat(odometry.source()).isEqualTo("bundled:nav_msgs/msg/Odometry.msg");
    }

    @Test
    void acceptsThePeersMd5OrTheWildcardAndOtherwiseNamesBothSides() {
        MessageType twist = type("geometry_msgs/Twist");
        twist.requireCompatible("/cmd_vel", "geometry_msgs/Twist", "9f195f881246fdfa2798d1d3eebca84a");
        twist.requireCompatible("/cmd_vel", "*", "*");
        assertThatThrownBy(() -> twist.requireCompatible("/cmd_vel", "std_msgs/String", "992ce8a1687cec8c8bd883ec73ca41d1"))
                .isInstanceOf(TypeMismatchException.class)
                .hasMessage("type mismatch on /cmd_vel: we have geometry_msgs/Twist (md5 9f195f881246fdfa2798d1d3eebca84a),"
                        + " peer has std_msgs/String (md5 992ce8a1687cec8c8bd883ec73ca41d1); use the same message type on"
                        + " both ends");
    }
}
