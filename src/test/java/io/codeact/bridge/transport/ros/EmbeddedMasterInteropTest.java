package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Our embedded {@link RosMaster} standing in for roscore: rospy nodes find each other through it, and
 * rostopic, rosservice, rosparam and rosnode work against it.
 */
@Timeout(120)
@SuppressWarnings("try") // peers are held open by try-with-resources for their side effects
class EmbeddedMasterInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static RosMaster master;
    private static Path home;

    @BeforeAll
    static void startMaster() throws Exception {
        assumeTrue(DebianRoscore.installed(), RosPython.NOT_INSTALLED);
        master = RosMaster.start("127.0.0.1", 0);
        home = Files.createTempDirectory("embedded-master");
    }

    @AfterAll
    static void stopMaster() {
        if (master != null) {
            master.close();
        }
    }

    private static RosNode node(String name) {
        return RosNode.builder(name).masterUri(master.uri()).onProblem(new RecordingProblems()).start();
    }

    @Test
    void rospyNodesTalkThroughOurMaster() throws Exception {
        try (RospyPeer listener = RospyPeer.start(master.uri(), home, "sub", "/embedded/chatter", "std_msgs/String");
                RospyPeer talker = RospyPeer.start(master.uri(), home, "pub", "/embedded/chatter", "std_msgs/String",
                        "{\"data\": \"via java master $seq\"}")) {
            assertThat(listener.next(WAIT).get("data").asText()).startsWith("via java master ");
        }
    }

    @Test
    void rostopicAndRosnodeSeeOurNodesAndEchoOurMessages() throws Exception {
        try (RosNode node = node("/embedded_talker")) {
            RosPublisher pub = node.advertise("/embedded/state", "std_msgs/String", PublisherOptions.DEFAULT.latched());
            pub.publish(Map.of("data", "ready"));
            node.subscribe("/embedded/cmd", "geometry_msgs/Twist", new Inbox());

            String list = DebianRoscore.tool(master.uri(), home, "rostopic", "list");
            String echo = DebianRoscore.tool(master.uri(), home, "rostopic", "echo", "-n", "1", "/embedded/state");
            String type = DebianRoscore.tool(master.uri(), home, "rostopic", "type", "/embedded/cmd");
            String nodes = DebianRoscore.tool(master.uri(), home, "rosnode", "list");

            assertThat(list.lines()).contains("/embedded/state", "/embedded/cmd");
            assertThat(echo).isEqualTo("data: \"ready\"\n---\n");
            assertThat(type.trim()).isEqualTo("geometry_msgs/Twist");
            assertThat(nodes.lines()).contains("/embedded_talker");
        }
    }

    @Test
    void rosserviceReachesARospyServiceThroughOurMaster() throws Exception {
        try (RospyPeer server = RospyPeer.start(master.uri(), home, "serve", "/embedded/trigger", "std_srvs/Trigger")) {
            String services = DebianRoscore.tool(master.uri(), home, "rosservice", "list");
            String answer = DebianRoscore.tool(master.uri(), home, "rosservice", "call", "/embedded/trigger");

            assertThat(services.lines()).contains("/embedded/trigger");
            assertThat(answer).isEqualTo("success: True\nmessage: \"rospy triggered\"\n");
        }
    }

    @Test
    void rosparamWorksAgainstOurMasterAndSubscribersHearChanges() throws Exception {
        try (RosNode node = node("/embedded_params")) {
            BlockingQueue<Object> updates = new LinkedBlockingQueue<>();
            node.params().subscribe("/embedded/gain", (key, value) -> updates.add(key + "=" + value));

            DebianRoscore.tool(master.uri(), home, "rosparam", "set", "/embedded/gain", "0.75");
            String got = DebianRoscore.tool(master.uri(), home, "rosparam", "get", "/embedded/gain");
            DebianRoscore.tool(master.uri(), home, "rosparam", "delete", "/embedded/gain");

            assertThat(got.trim()).isEqualTo("0.75");
            assertThat(updates.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("/embedded/gain=0.75");
            assertThat(updates.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("/embedded/gain={}");
            assertThat(node.params().get("/run_id")).isPresent();
        }
    }

    @Test
    void ourSubscriberFollowsARospyPublisherThatIsKilledAndRestartedUnderTheSameName() throws Exception {
        try (RosNode node = node("/embedded_follower")) {
            Inbox inbox = new Inbox();
            RosSubscriber sub = node.subscribe("/embedded/restarting", "std_msgs/String", inbox);
            try (RospyPeer first = RospyPeer.start(master.uri(), home, "pub", "/embedded/restarting", "std_msgs/String",
                    "{\"data\": \"one\"}", "--name", "embedded_talker")) {
                inbox.first(m -> m.get("data").equals("one"), WAIT);
                first.kill();
            }
            try (RospyPeer second = RospyPeer.start(master.uri(), home, "pub", "/embedded/restarting", "std_msgs/String",
                    "{\"data\": \"two\"}", "--name", "embedded_talker")) {
                inbox.first(m -> m.get("data").equals("two"), WAIT);
                assertThat(sub.publisherUris()).hasSize(1);
                assertThat(node.master().systemState().publishers().get("/embedded/restarting"))
                        .isEqualTo(List.of("/embedded_talker"));
            }
        }
    }
}
