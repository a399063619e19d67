package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our bytes against rospy's, both ways: rospy's generated classes (and genpy's dynamic classes, built from our
 * {@code message_definition}, for a type with every kind of field) serialise the same values, and must produce
 * our bytes; rospy must read our bytes as the message it built; we must read rospy's bytes as ours.
 *
 * <p>Float32 values are exact binary fractions, so rospy's float64 originals compare equal after the round trip.
 */
class MessageWireInteropTest {
    private static final MessageRegistry TYPES = MessageRegistry.withBundledTypes().addMessage("codeact_test/Everything", """
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

    private record Case(String type, Map<String, Object> value, boolean dynamic) {
    }

    @BeforeAll
    static void needsRospy() {
        assumeTrue(RosPython.installed(), RosPython.NOT_INSTALLED);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> header(long seq, String frame) {
        return map("seq", seq, "stamp", new Time(1_700_000_123L, 456_000_000L), "frame_id", frame);
    }

    private static List<Double> doubles(int n, double step) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(i * step);
        }
        return values;
    }

    private static List<Case> cases() {
        byte[] pixels = new byte[18];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 15);
        }
        return List.of(
                new Case("geometry_msgs/Twist", map("linear", map("x", 0.5, "y", -0.25), "angular", map("z", 1.0)), false),
                new Case("nav_msgs/Odometry", map("header", header(42, "odom"), "child_frame_id", "base_link",
                        "pose", map("pose", map("position", map("x", 1.5, "y", -2.0, "z", 0.0),
                                "orientation", map("z", 0.7071067811865476, "w", 0.7071067811865476)),
                                "covariance", doubles(36, 0.1)),
                        "twist", map("twist", map("linear", map("x", 0.3)), "covariance", doubles(36, -0.5))), false),
                new Case("sensor_msgs/LaserScan", map("header", header(7, "laser"), "angle_min", -1.5f, "angle_max", 1.5f,
                        "angle_increment", 0.0078125f, "time_increment", 0.0f, "scan_time", 0.125f, "range_min", 0.125f,
                        "range_max", 30.0f, "ranges", List.of(1.0f, 2.5f, Float.POSITIVE_INFINITY, 0.25f),
                        "intensities", List.of(100.0f, 0.5f)), false),
                new Case("sensor_msgs/Image", map("header", header(1, "camera"), "height", 2L, "width", 3L, "encoding", "rgb8",
                        "is_bigendian", 0, "step", 9L, "data", pixels), false),
                new Case("sensor_msgs/JointState", map("header", header(3, ""), "name", List.of("left_wheel", "right_wheel"),
                        "position", List.of(0.5, -0.5), "velocity", List.of(), "effort", List.of(1.25, 2.0)), false),
                new Case("sensor_msgs/CameraInfo", map("header", header(9, "cam"), "height", 480L, "width", 640L,
                        "distortion_model", "plumb_bob", "D", List.of(0.1, -0.2, 0.0, 0.0, 0.05), "K", doubles(9, 1.5),
                        "R", doubles(9, 0.25), "P", doubles(12, 2.0), "binning_x", 1L,
                        "roi", map("x_offset", 10L, "width", 20L, "do_rectify", true)), false),
                new Case("sensor_msgs/PointCloud2", map("header", header(5, "map"), "height", 1L, "width", 2L,
                        "fields", List.of(map("name", "x", "offset", 0L, "datatype", 7, "count", 1L)),
                        "is_bigendian", false, "point_step", 4L, "row_step", 8L,
                        "data", new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40}, "is_dense", true), false),
                new Case("actionlib_msgs/GoalStatusArray", map("header", header(2, ""), "status_list", List.of(
                        map("goal_id", map("stamp", new Time(10, 20), "id", "goal-1"), "status", 3, "text", "done ✓"),
                        map("goal_id", map("id", "goal-2"), "status", 1))), false),
                new Case("rosgraph_msgs/Log", map("header", header(11, ""), "level", 8, "name", "/bridge", "msg", "fault",
                        "file", "Bridge.java", "function", "run", "line", 99L, "topics", List.of("/cmd_vel", "/odom")), false),
                new Case("std_msgs/Duration", map("data", new Duration(-3, 500_000_000)), false),
                new Case("std_msgs/Byte", map("data", -5), false),
                new Case("std_msgs/Char", map("data", 200), false),
                new Case("std_msgs/UInt64", map("data", new BigInteger("18446744073709551615")), false),
                new Case("std_msgs/Int64", map("data", Long.MIN_VALUE), false),
                new Case("std_msgs/String", map("data", "grüße, 世界"), false),
                new Case("std_msgs/Empty", map(), false),
                new Case("codeact_test/Everything", map("header", header(1, "base_link"),
                        "flag", true, "i8", -128, "u8", 255, "i16", -32768, "u16", 65535, "i32", Integer.MIN_VALUE,
                        "u32", 4294967295L, "i64", Long.MAX_VALUE, "u64", new BigInteger("9223372036854775808"),
                        "f32", -1.75f, "f64", Double.NEGATIVE_INFINITY, "text", "ünïcode", "t", new Time(4294967295L, 999_999_999L),
                        "d", new Duration(-1, 999_999_999), "old_byte", -1, "old_char", 200,
                        "blob", new byte[] {0, 1, (byte) 0xFF}, "quad", new byte[] {9, 8, 7, 6}, "chars", new byte[] {65, 66},
                        "signed_bytes", List.of(-1, 0, 127), "shorts", List.of(-1, 0, 1), "u32s", List.of(0L, 4294967295L),
                        "i64s", List.of(Long.MIN_VALUE), "u64s", List.of(1L), "f32s", List.of(0.25f, -8.5f),
                        "f64s", List.of(1e300, -0.0), "flags", List.of(true, false), "words", List.of("a", "", "ç"),
                        "times", List.of(new Time(1, 2)), "durations", List.of(new Duration(1, 2), new Duration(-2, 999_999_998)),
                        "points", List.of(map("x", 1.0, "y", 2.0, "z", 3.0)),
                        "pair", List.of(map("x", 4.0), map("y", 5.0))), true));
    }

    /** The value as JSON the rospy script understands: times as {secs, nsecs}, bytes as lists of 0..255. */
    private static Object jsonable(Object value) {
        if (value instanceof Time t) {
            return map("secs", t.secs(), "nsecs", t.nsecs());
        }
        if (value instanceof Duration d) {
            return map("secs", d.secs(), "nsecs", d.nsecs());
        }
        if (value instanceof byte[] bytes) {
            List<Integer> unsigned = new ArrayList<>();
            for (byte b : bytes) {
                unsigned.add(b & 0xFF);
            }
            return unsigned;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, jsonable(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MessageWireInteropTest::jsonable).toList();
        }
        return value;
    }

    @Test
    void ourBytesAreRospysBytesBothWays() {
        List<Case> cases = cases();
        List<Map<String, Object>> request = new ArrayList<>();
        List<byte[]> ours = new ArrayList<>();
        for (Case c : cases) {
            MessageType type = TYPES.message(c.type());
            byte[] bytes = type.serialize(c.value());
            ours.add(bytes);
            request.add(map("type", c.type(), "definition", c.dynamic() ? type.definition() : null,
                    "value", jsonable(c.value()), "java_hex", HexFormat.of().formatHex(bytes)));
        }

        JsonNode results = RosPython.script("rospy_wire.py", RosPython.toJson(request));

        assertThat(results).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            MessageType type = TYPES.message(cases.get(i).type());
            byte[] theirs = HexFormat.of().parseHex(results.get(i).path("hex").asText());
            assertThat(HexFormat.of().formatHex(ours.get(i))).as("our bytes for %s", type.name())
                    .isEqualTo(HexFormat.of().formatHex(theirs));
            assertThat(results.get(i).path("java_equal").asBoolean()).as("rospy reads our %s as the message it built", type.name())
                    .isTrue();
            Map<String, Object> read = type.deserialize(theirs);
            assertThat(read).as("we read rospy's %s", type.name()).usingRecursiveComparison()
                    .isEqualTo(type.deserialize(ours.get(i)));
            assertThat(type.serialize(read)).as("%s read from rospy and written again", type.name()).isEqualTo(theirs);
        }
    }
}
