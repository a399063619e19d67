package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Services and parameters between our node and Debian's ROS 1 through Debian's {@code roscore}: rosservice and
 * rospy call our services, we call rospy's, errors travel both ways; rosparam and our parameter tree see each
 * other's values, and parameter subscriptions are updated.
 */
@Timeout(120)
@SuppressWarnings("try") // peers are held open by try-with-resources for their side effects
class ServiceAndParamInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
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

    private static RosNode node(String name) {
        return RosNode.builder(name).masterUri(roscore.uri()).host("127.0.0.1").onProblem(new RecordingProblems()).start();
    }

    @Test
    void rosserviceCallsOurServiceAndProbesItsType() throws Exception {
        try (RosNode node = node("/java_server")) {
            node.advertiseService("/java/set_mode", "std_srvs/SetBool",
                    req -> Map.of("success", true, "message", "mode " + req.get("data")));

            String answer = roscore.tool("rosservice", "call", "/java/set_mode", "data: true");
            String type = roscore.tool("rosservice", "type", "/java/set_mode");

            assertThat(answer).isEqualTo("success: True\nmessage: \"mode true\"\n");
            assertThat(type.trim()).isEqualTo("std_srvs/SetBool");
        }
    }

    @Test
    void rospyClientGetsOurAnswerAndOurHandlersError() throws Exception {
        try (RosNode node = node("/java_guard")) {
            node.advertiseService("/java/arm", "std_srvs/SetBool", req -> {
                if (!(Boolean) req.get("data")) {
                    throw new IllegalStateException("disarming is not allowed while moving");
                }
                return Map.of("success", true, "message", "armed");
            });
            try (RospyPeer ok = RospyPeer.launch(roscore.uri(), roscore.home(), "call", "/java/arm", "std_srvs/SetBool",
                    "{\"data\": true}");
                    RospyPeer refused = RospyPeer.launch(roscore.uri(), roscore.home(), "call", "/java/arm", "std_srvs/SetBool",
                            "{\"data\": false}")) {
                JsonNode answer = ok.next(WAIT);
                JsonNode error = refused.next(WAIT);

                assertThat(answer.get("success").asBoolean()).isTrue();
                assertThat(answer.get("message").asText()).isEqualTo("armed");
                assertThat(error.get("error").asText()).contains("disarming is not allowed while moving");
            }
        }
    }

    @Test
    void weCallRospyServicesPersistentlyAndGetTheirErrors() throws Exception {
        try (RospyPeer server = RospyPeer.start(roscore.uri(), roscore.home(), "serve", "/rospy/enable", "std_srvs/SetBool");
                RosNode node = node("/java_client")) {
            ServiceType setBool = node.types().service("std_srvs/SetBool");
            try (RosServiceClient client = node.serviceClient("/rospy/enable", setBool, true)) {
                assertThat(client.call(Map.of("data", true), WAIT))
                        .isEqualTo(Map.of("success", true, "message", "rospy got data=True"));
                assertThatThrownBy(() -> client.call(Map.of("data", false), WAIT))
                        .isInstanceOf(ServiceException.class)
                        .hasMessageContaining("service /rospy/enable")
                        .hasMessageContaining("failed: service cannot process request: refusing data=false")
                        .extracting(e -> ((ServiceException) e).serverError()).asString().contains("refusing data=false");
                assertThat(client.call(Map.of("data", true), WAIT).get("success")).isEqualTo(true);
            }
            assertThat(node.serviceType("/rospy/enable")).isEqualTo("std_srvs/SetBool");
            assertThat(node.call("/rospy/enable", "std_srvs/SetBool", Map.of("data", true), WAIT).get("message"))
                    .isEqualTo("rospy got data=True");
        }
    }

    @Test
    void callingAServiceNobodyProvidesSaysSo() {
        try (RosNode node = node("/java_lost")) {
            assertThatThrownBy(() -> node.call("/nobody/here", "std_srvs/Trigger", Map.of(), WAIT))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageStartingWith("no node provides service /nobody/here")
                    .hasMessageContaining("no provider");
        }
    }

    @Test
    void callingWithTheWrongServiceTypeNamesBothSides() throws Exception {
        try (RospyPeer server = RospyPeer.start(roscore.uri(), roscore.home(), "serve", "/rospy/trigger", "std_srvs/Trigger");
                RosNode node = node("/java_wrong")) {
            assertThatThrownBy(() -> node.call("/rospy/trigger", "std_srvs/SetBool", Map.of("data", true), WAIT))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageContaining("/rospy/trigger")
                    .hasMessageContaining("refused the connection");
            assertThat(node.call("/rospy/trigger", "std_srvs/Trigger", Map.of(), WAIT))
                    .isEqualTo(Map.of("success", true, "message", "rospy triggered"));
        }
    }

    @Test
    void rosparamAndOurParameterTreeSeeEachOthersValues() throws Exception {
        try (RosNode node = node("/java_params")) {
            roscore.tool("rosparam", "set", "/robot/max_speed", "2.5");
            node.params().set("/java/limits", Map.of("turn", 1.25, "names", List.of("a", "b"), "armed", true, "count", 3));

            assertThat(node.params().get("/robot/max_speed")).contains(2.5);
            assertThat(roscore.tool("rosparam", "get", "/java/limits/turn").trim()).isEqualTo("1.25");
            assertThat(roscore.tool("rosparam", "get", "/java/limits/names").trim()).isEqualTo("- a\n- b");
            assertThat(roscore.tool("rosparam", "get", "/java/limits/armed").trim()).isEqualTo("true");
            assertThat(node.params().has("/java/limits/count")).isTrue();
            assertThat(node.params().names()).contains("/java/limits/turn", "/robot/max_speed");
            assertThat(node.params().search("max_speed")).isEmpty();
            assertThat(node.params().search("robot")).contains("/robot");
            assertThat(node.params().delete("/java/limits/count")).isTrue();
            assertThat(node.params().delete("/java/limits/count")).isFalse();
            assertThat(node.params().get("/java/limits/count")).isEmpty();
        }
    }

    @Test
    void parameterSubscriptionsHearRosparamChanges() throws Exception {
        try (RosNode node = node("/java_tuner")) {
            node.params().set("/tuning/kp", 1.0);
            BlockingQueue<Object[]> updates = new LinkedBlockingQueue<>();
            assertThat(node.params().subscribe("/tuning", (key, value) -> updates.add(new Object[] {key, value})))
                    .contains(Map.of("kp", 1.0));

            roscore.tool("rosparam", "set", "/tuning/kp", "1.5");
            Object[] update = updates.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(update).isNotNull();
            assertThat(update[0]).isEqualTo("/tuning/kp");
            assertThat(update[1]).isEqualTo(1.5);
        }
    }
}
