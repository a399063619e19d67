package io.codeact.bridge.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.transport.ros.DebianRoscore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controller node's actionlib-style ROS topics against Debian's roscore and a rospy client
 * ({@code rospy_goal_client.py}): a goal runs to a result the script receives, with ACTIVE then SUCCEEDED on
 * the status topic; a GoalID cancel during a drive ends it PREEMPTED with the robot at rest.
 */
class ControllerNodeRosInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DebianRoscore roscore;
    private static ControllerNode node;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DebianRoscore.installed(), "Debian's roscore, rostopic and rospy are not installed (see .ci/run)");
        roscore = DebianRoscore.start();
        Path script = Path.of(ControllerNodeRosInteropTest.class.getResource("drive-5s.yaml").toURI());
        node = ControllerNode.start(NodeOptions.builder().robot("rover").world("warehouse").realtimeFactor(1.0)
                .model("scripted:" + script).episode(new EpisodeSettings("code", 4, 0, null, Duration.ofSeconds(60)))
                .ros(true).master(roscore.uri()).logDir(Files.createTempDirectory("node-ros-logs")).home(Path.of("."))
                .build());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (roscore != null) {
            roscore.close();
        }
    }

    @Test
    void aGoalFromARospyNodeRunsToAResultItReceives() throws Exception {
        JsonNode out = client(Map.of("robot", "rover", "goal", Map.of("goal_id", "r1", "text", "Drive forward.")));

        JsonNode result = out.get("result");
        assertThat(result.get("goal_id").asText()).isEqualTo("r1");
        assertThat(result.get("outcome").asText()).isEqualTo("solved");
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("answer").asText()).isEqualTo("I drove forward.");
        assertThat(statuses(out)).containsSubsequence(RosGoalFront.ACTIVE, RosGoalFront.SUCCEEDED);
    }

    @Test
    void aGoalIdCancelFromRospyPreemptsTheDriveAndTheRobotStops() throws Exception {
        JsonNode out = client(Map.of("robot", "rover", "goal", Map.of("goal_id", "r2", "text", "Drive forward."),
                "cancel_after_active_s", 1.0));

        assertThat(out.get("result").get("outcome").asText()).isEqualTo("cancelled");
        assertThat(out.get("result").get("error").asText()).startsWith("cancelled by ros (");
        assertThat(statuses(out)).containsSubsequence(RosGoalFront.ACTIVE, RosGoalFront.PREEMPTED);
        assertThat(Worlds.moving(node.robot().world())).isFalse();
    }

    private static List<Integer> statuses(JsonNode out) {
        return java.util.stream.StreamSupport.stream(out.get("statuses").spliterator(), false).map(JsonNode::asInt).toList();
    }

    private static JsonNode client(Map<String, Object> input) throws Exception {
        Path script = Path.of(ControllerNodeRosInteropTest.class.getResource("rospy_goal_client.py").toURI());
        Path in = Files.createTempFile(roscore.home(), "client", ".json");
        Path outFile = Files.createTempFile(roscore.home(), "client", ".out");
        Path err = Files.createTempFile(roscore.home(), "client", ".err");
        Files.writeString(in, JSON.writeValueAsString(input));
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString()).redirectInput(in.toFile())
                .redirectOutput(outFile.toFile()).redirectError(err.toFile());
        pb.environment().putAll(DebianRoscore.env(roscore.home(), roscore.uri()));
        Process p = pb.start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the rospy client did not finish in 150 s; stderr:\n" + Files.readString(err));
        }
        String out = Files.readString(outFile);
        if (p.exitValue() != 0) {
            fail("the rospy client exited with " + p.exitValue() + ": " + out + "\nstderr:\n" + Files.readString(err));
        }
        return JSON.readTree(out);
    }
}
