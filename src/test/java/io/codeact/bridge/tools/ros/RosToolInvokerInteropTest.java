package io.codeact.bridge.tools.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.Worlds;
import io.codeact.bridge.sim.node.SimRosNode;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.ros.DebianRoscore;
import io.codeact.bridge.transport.ros.PublisherOptions;
import io.codeact.bridge.transport.ros.RosNode;
import io.codeact.bridge.transport.ros.RosPublisher;
import io.codeact.bridge.transport.ros.RosPython;
import io.codeact.bridge.transport.ros.Time;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bridge drives the warehouse simulator's ROS node through Debian's {@code roscore}, from GraalPy code
 * actions, with the shipped robot-tools/warehouse.yaml: a drive on /cmd_vel, reads of /odom and /scan,
 * go_to through the ToolCall service with heartbeats, an emergency stop on /codeact/stop from rostopic,
 * and a stale /odom refused.
 */
@Timeout(180)
class RosToolInvokerInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TOOLS = Path.of("robot-tools");
    private static DebianRoscore roscore;
    private static SandboxEngine engine;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DebianRoscore.installed(), RosPython.NOT_INSTALLED);
        roscore = DebianRoscore.start();
        engine = SandboxEngine.create(c -> {
            c.actionTimeout = Duration.ofSeconds(60);
            c.warmSessions = 0;
        });
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        if (roscore != null) {
            roscore.close();
        }
    }

    private static SimRosNode sim(String name) {
        return SimRosNode.builder(Worlds.create("warehouse", 7, Map.of())).nodeName(name)
                .masterUri(roscore.uri()).host("127.0.0.1").start();
    }

    private static JsonNode run(Session session, String code) throws Exception {
        ActionResult r = session.execute(code, Duration.ofSeconds(60));
        assertThat(r.error()).as("%s\nstdout: %s", r.error(), r.stdout()).isNull();
        return JSON.readTree(r.stdout());
    }

    @Test
    void aCodeActionDrivesReadsAndGoesToThroughRoscore() throws Exception {
        try (SimRosNode sim = sim("/sim_for_bridge");
                RosWorldSession robot = RosWorldSession.connect("warehouse", roscore.uri(), TOOLS);
                Session session = engine.openSession("ros-bind")) {
            robot.exposeIn(session);

            JsonNode drive = run(session, """
                    import json
                    start = robot.odom.pose()
                    r = robot.base.drive(0.5, 0.0, 1.0)
                    print(json.dumps({"start": start, "drive": r}))
                    """);
            JsonNode scan = run(session, """
                    s = robot.lidar.scan()
                    print(json.dumps({"n": len(s["ranges"]), "ahead": s["ranges"][0], "max": s["range_max"]}))
                    """);
            JsonNode goTo = run(session, """
                    g = robot.base.go_to(4.0, 6.0)
                    print(json.dumps({"go_to": g, "pose": robot.odom.pose()}))
                    """);
            JsonNode refused = run(session, """
                    try:
                        robot.dock.dock("bay_3")
                        print(json.dumps({"error": None}))
                    except RobotError as e:
                        print(json.dumps({"error": str(e)}))
                    """);

            assertThat(drive.at("/start/x").asDouble()).isEqualTo(2.0);
            assertThat(drive.at("/drive/status").asText()).isEqualTo("done");
            assertThat(drive.at("/drive/distance").asDouble()).isBetween(0.25, 0.7);
            assertThat(drive.at("/drive/odom/x").asDouble()).isGreaterThan(2.25);
            assertThat(scan.get("n").asInt()).isEqualTo(360);
            assertThat(scan.get("max").asDouble()).isEqualTo(10.0);
            assertThat(scan.get("ahead").asDouble()).isBetween(0.1, 10.0);
            assertThat(goTo.at("/go_to/status").asText()).isEqualTo("reached");
            assertThat(goTo.at("/pose/x").asDouble()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.1));
            assertThat(goTo.at("/pose/y").asDouble()).isCloseTo(6.0, org.assertj.core.data.Offset.offset(0.1));
            assertThat(refused.get("error").asText()).contains("bay_3").contains("1.5 m");
        }
    }

    @Test
    void aStopOnCodeactStopHaltsARunningGoTo() throws Exception {
        try (SimRosNode sim = sim("/sim_to_stop");
                RosWorldSession robot = RosWorldSession.connect("warehouse", roscore.uri(), TOOLS);
                Session session = engine.openSession("ros-stop")) {
            robot.exposeIn(session);
            Thread stopper = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(2000);
                    roscore.tool("rostopic", "pub", "-1", "/codeact/stop", "std_msgs/String", "data: 'interop test'");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonNode goTo = run(session, """
                    import json
                    print(json.dumps(robot.base.go_to(9.0, 6.0)))
                    """);
            stopper.join();

            assertThat(goTo.get("status").asText()).isEqualTo("stopped");
            assertThat(goTo.at("/odom/x").asDouble()).isBetween(2.0, 8.0);
        }
    }

    @Test
    void staleOdometryIsRefusedNamingTheTopicAndItsAge() throws Exception {
        AtomicLong clock = new AtomicLong(0);
        ToolSet tools = ToolSet.load(List.of(TOOLS.resolve("warehouse.yaml")));
        ToolDeclaration pose = tools.find("robot.odom.pose").orElseThrow();
        try (RosNode odomSource = RosNode.builder("/fake_odometry").masterUri(roscore.uri()).host("127.0.0.1").start();
                RosNode bridge = RosNode.builder("/bridge_stale").masterUri(roscore.uri()).host("127.0.0.1").start();
                RosToolInvoker invoker = RosToolInvoker.builder(bridge, tools).toolCalls(false).clock(clock::get).build()) {
            RosPublisher odom = odomSource.advertise("/odom", "nav_msgs/Odometry", PublisherOptions.DEFAULT.latched());
            odom.publish(Map.of("header", Map.of("stamp", Time.of(Instant.ofEpochSecond(100))),
                    "pose", Map.of("pose", Map.of("position", Map.of("x", 1.5, "y", 2.5), "orientation", Map.of("w", 1.0)))));

            @SuppressWarnings("unchecked")
            Map<String, Object> fresh = (Map<String, Object>) invoker.invoke(pose, Map.of());
            clock.addAndGet(2_000_000_000L);

            assertThat(fresh).containsEntry("x", 1.5).containsEntry("y", 2.5).containsEntry("theta", 0.0).containsEntry("t", 100.0);
            assertThatThrownBy(() -> invoker.invoke(pose, Map.of()))
                    .isInstanceOfSatisfying(RobotException.class, e -> assertThat(e.kind()).isEqualTo(RobotException.Kind.ROBOT_ERROR))
                    .hasMessage("robot.odom.pose: the latest message on /odom is 2.0 s old, older than the 0.500 s allowed"
                            + " (freshness_s at " + pose.source() + "); the robot has stopped publishing it");
        }
    }

    @Test
    void aCommandWithoutSubscriberTimesOutNamingTheTopic() throws Exception {
        ToolSet tools = ToolSet.load(List.of(TOOLS.resolve("warehouse.yaml")));
        ToolDeclaration drive = tools.find("robot.base.drive").orElseThrow();
        try (RosNode bridge = RosNode.builder("/bridge_alone").masterUri(roscore.uri()).host("127.0.0.1").start();
                RosToolInvoker invoker = RosToolInvoker.builder(bridge, tools).toolCalls(false).build()) {
            assertThatThrownBy(() -> invoker.invoke(drive, Map.of("linear", 0.2, "angular", 0.0, "duration", 1.0)))
                    .isInstanceOfSatisfying(RobotException.class, e -> assertThat(e.kind()).isEqualTo(RobotException.Kind.COMMAND_TIMEOUT))
                    .hasMessage("robot.base.drive: no node subscribes to /cmd_vel (geometry_msgs/Twist) within 5.00 s;"
                            + " is the robot's base controller running?");
        }
    }
}
