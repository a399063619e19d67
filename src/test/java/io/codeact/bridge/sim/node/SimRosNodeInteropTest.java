package io.codeact.bridge.sim.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.Worlds;
import io.codeact.bridge.tools.ros.ToolCallProtocol;
import io.codeact.bridge.transport.ros.DebianRoscore;
import io.codeact.bridge.transport.ros.RosPython;
import io.codeact.bridge.transport.ros.RospyPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The warehouse simulator as a ROS node, seen from Debian's ROS 1 through Debian's {@code roscore}:
 * rostopic reads its odometry and scans, a rospy node drives it on /cmd_vel and the deadman stops it when
 * that node dies, rospy calls the codeact_msgs/ToolCall service, and /codeact/stop halts a running motion.
 */
@Timeout(180)
class SimRosNodeInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DebianRoscore roscore;

    @BeforeAll
    static void startRoscore() throws Exception {
        assumeTrue(DebianRoscore.installed(), RosPython.NOT_INSTALLED);
        roscore = DebianRoscore.start();
    }

    @AfterAll
    static void stopRoscore() {
        if (roscore != null) {
            roscore.close();
        }
    }

    private static SimRosNode sim(String name) {
        World world = Worlds.create("warehouse", 7, Map.of());
        return SimRosNode.builder(world).nodeName(name).masterUri(roscore.uri()).host("127.0.0.1").start();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> robot(SimRosNode sim) {
        return (Map<String, Object>) ((Map<String, Object>) sim.world().state().get("robots")).get("r1");
    }

    /** Polls the simulator (its runner moves it in another thread) until the robot's state satisfies {@code test}. */
    static boolean awaitRobot(SimRosNode sim, Predicate<Map<String, Object>> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (test.test(robot(sim))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @Test
    void rostopicEchoReadsOdometryAndLaserScansFromTheSimNode() throws Exception {
        try (SimRosNode sim = sim("/sim_echo")) {
            String odom = roscore.tool("rostopic", "echo", "-n", "1", "/odom");
            String scan = roscore.tool("rostopic", "echo", "-n", "1", "--noarr", "/scan");
            String scanRanges = roscore.tool("rostopic", "echo", "-n", "1", "/scan/ranges");
            String type = roscore.tool("rostopic", "type", "/battery");

            assertThat(odom).contains("frame_id: \"odom\"").contains("child_frame_id: \"base_link\"");
            // r1 starts at (2, 6) facing +x; odometry starts exact
            assertThat(odom).containsPattern("position: \\n\\s+x: 2\\.0\\d*\\n\\s+y: 6\\.0");
            assertThat(scan).contains("frame_id: \"base_scan\"").contains("range_max: 10.0");
            String list = scanRanges.strip().replaceAll("(?s)^[\\[(](.*)[\\])]\\s*---$", "$1");
            List<String> ranges = List.of(list.split(",\\s*"));
            assertThat(ranges).hasSize(360);
            assertThat(ranges).allSatisfy(r -> assertThat(Double.parseDouble(r)).isBetween(0.1, 10.0));
            assertThat(type.strip()).isEqualTo("sensor_msgs/BatteryState");
        }
    }

    @Test
    void rospyCmdVelMovesTheRobotAndTheDeadmanStopsItWhenThePublisherDies() throws Exception {
        try (SimRosNode sim = sim("/sim_cmd_vel")) {
            double x0 = num(robot(sim), "x");
            RospyPeer driver = RospyPeer.start(roscore.uri(), roscore.home(), "pub", "/cmd_vel", "geometry_msgs/Twist",
                    "{\"linear\": {\"x\": 0.4}}", "--rate", "10");
            try {
                assertThat(awaitRobot(sim, r -> num(r, "x") > x0 + 0.3, Duration.ofSeconds(20)))
                        .as("the robot moves forward on /cmd_vel").isTrue();
                assertThat(robot(sim).get("motion")).isEqualTo("velocity");
            } finally {
                driver.kill(); // dies without sending a zero Twist
            }
            assertThat(awaitRobot(sim, r -> r.get("motion") == null && num(r, "linear") == 0.0, Duration.ofSeconds(5)))
                    .as("the base stops by itself after the 0.5 s deadman").isTrue();
            double stoppedAt = num(robot(sim), "x");
            Thread.sleep(300);
            assertThat(num(robot(sim), "x")).isEqualTo(stoppedAt);
        }
    }

    @Test
    void rospyCallsTheToolCallServiceWithOurMd5AndGetsResultsAndErrors() throws Exception {
        Path srv = Files.createTempFile(roscore.home(), "ToolCall", ".srv");
        Files.writeString(srv, ToolCallProtocol.toolCallDefinition());
        try (SimRosNode sim = sim("/sim_toolcall")) {
            JsonNode place = callFromRospy(srv, "map.place", "{\"name\": \"pickup\"}");
            JsonNode refused = callFromRospy(srv, "base.drive", "{\"linear\": 3.5}");
            JsonNode unknown = callFromRospy(srv, "base.fly", "{}");

            assertThat(place.get("ok").asBoolean()).as(place.toString()).isTrue();
            JsonNode result = JSON.readTree(place.get("result_json").asText());
            assertThat(result.get("x").asDouble()).isEqualTo(18.0);
            assertThat(result.get("y").asDouble()).isEqualTo(1.5);
            assertThat(refused.get("ok").asBoolean()).isFalse();
            assertThat(refused.get("error_kind").asText()).isEqualTo("bad_value");
            assertThat(refused.get("error").asText()).isEqualTo("base.drive: linear must be within -1.0..1.0 m/s, got 3.5");
            assertThat(unknown.get("error_kind").asText()).isEqualTo("unknown_api");
        }
    }

    @Test
    void aMotionStartedByServiceStopsWhenNoHeartbeatRenewsIt() throws Exception {
        Path srv = Files.createTempFile(roscore.home(), "ToolCall", ".srv");
        Files.writeString(srv, ToolCallProtocol.toolCallDefinition());
        try (SimRosNode sim = sim("/sim_no_heartbeat")) {
            // nobody publishes /codeact/lease: the motion holds only its first lease (1 s of sim time)
            JsonNode drive = callFromRospy(srv, "base.drive", "{\"linear\": 0.3, \"duration\": 10}");

            assertThat(drive.get("ok").asBoolean()).as(drive.toString()).isTrue();
            JsonNode result = JSON.readTree(drive.get("result_json").asText());
            assertThat(result.get("status").asText()).isEqualTo("lease_expired");
            assertThat(result.get("duration").asDouble()).isLessThan(2.0);
        }
    }

    private static JsonNode callFromRospy(Path srv, String api, String args) throws Exception {
        Path script = Path.of(SimRosNodeInteropTest.class.getResource("toolcall_client.py").toURI());
        String out = DebianRoscore.tool(roscore.uri(), roscore.home(), RosPython.PYTHON.toString(), script.toString(),
                srv.toString(), api, args);
        return JSON.readTree(out);
    }
}
