package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Topics between our node and Debian's ROS 1 through Debian's {@code roscore}: {@code rostopic} and rospy
 * nodes read what we publish, we read what rospy publishes, latching, publisher restarts, and a type mismatch.
 */
@Timeout(120)
@SuppressWarnings("try") // peers are held open by try-with-resources for their side effects
class TopicInteropTest {
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

    private static RosNode node(String name, ProblemListener problems) {
        return RosNode.builder(name).masterUri(roscore.uri()).host("127.0.0.1").onProblem(problems).start();
    }

    private static RosNode node(String name) {
        return node(name, new RecordingProblems());
    }

    @Test
    void rostopicEchoReadsOurLatchedMessageAndRostopicInfoListsOurNode() throws Exception {
        try (RosNode node = node("/java_talker")) {
            RosPublisher pub = node.advertise("/chatter", "std_msgs/String", PublisherOptions.DEFAULT.latched());
            pub.publish(Map.of("data", "hello from java"));

            String echoed = roscore.tool("rostopic", "echo", "-n", "1", "/chatter");
            String info = roscore.tool("rostopic", "info", "/chatter");

            assertThat(echoed).isEqualTo("data: \"hello from java\"\n---\n");
            assertThat(info).contains("Type: std_msgs/String").contains("/java_talker (" + node.uri() + ")");
        }
    }

    @Test
    void rospySubscriberReceivesOurTwist() throws Exception {
        try (RosNode node = node("/java_driver");
                RospyPeer listener = RospyPeer.start(roscore.uri(), roscore.home(), "sub", "/cmd_vel", "geometry_msgs/Twist")) {
            RosPublisher pub = node.advertise("/cmd_vel", "geometry_msgs/Twist");
            assertThat(pub.awaitSubscribers(1, WAIT)).isTrue();

            pub.publish(Map.of("linear", Map.of("x", 0.5), "angular", Map.of("z", -0.25)));

            JsonNode got = listener.next(WAIT);
            assertThat(got.at("/linear/x").asDouble()).isEqualTo(0.5);
            assertThat(got.at("/linear/y").asDouble()).isEqualTo(0.0);
            assertThat(got.at("/angular/z").asDouble()).isEqualTo(-0.25);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void weReadStringTwistOdometryAndLaserScanFromRospyPublishers() throws Exception {
        String header = "{\"stamp\": {\"secs\": 12, \"nsecs\": 500}, \"frame_id\": \"odom\"}";
        List<String[]> topics = List.of(
                new String[] {"/rospy/chatter", "std_msgs/String", "{\"data\": \"hello $seq\"}"},
                new String[] {"/rospy/cmd_vel", "geometry_msgs/Twist", "{\"linear\": {\"x\": 0.5}, \"angular\": {\"z\": -0.25}}"},
                new String[] {"/rospy/odom", "nav_msgs/Odometry", "{\"header\": " + header + ", \"child_frame_id\": \"base_link\","
                        + " \"pose\": {\"pose\": {\"position\": {\"x\": 1.5, \"y\": -2.0}, \"orientation\": {\"w\": 1.0}},"
                        + " \"covariance\": [" + "0.25, ".repeat(35) + "0.25]}}"},
                new String[] {"/rospy/scan", "sensor_msgs/LaserScan", "{\"header\": " + header + ", \"angle_min\": -1.5,"
                        + " \"angle_max\": 1.5, \"angle_increment\": 0.25, \"range_max\": 10.0, \"ranges\": [1.0, 2.5, 0.25],"
                        + " \"intensities\": []}"});
        List<RospyPeer> publishers = new ArrayList<>();
        try (RosNode node = node("/java_listener")) {
            for (String[] t : topics) {
                publishers.add(RospyPeer.launch(roscore.uri(), roscore.home(), "pub", t[0], t[1], t[2], "--rate", "20"));
            }
            Inbox chatter = new Inbox();
            Inbox cmdVel = new Inbox();
            Inbox odom = new Inbox();
            Inbox scan = new Inbox();
            node.subscribe("/rospy/chatter", "std_msgs/String", chatter);
            node.subscribe("/rospy/cmd_vel", "geometry_msgs/Twist", cmdVel);
            node.subscribe("/rospy/odom", "nav_msgs/Odometry", odom);
            node.subscribe("/rospy/scan", "sensor_msgs/LaserScan", scan);

            assertThat((String) chatter.next(WAIT).get("data")).startsWith("hello ");
            Map<String, Object> twist = cmdVel.next(WAIT);
            assertThat(twist).isEqualTo(Map.of("linear", Map.of("x", 0.5, "y", 0.0, "z", 0.0),
                    "angular", Map.of("x", 0.0, "y", 0.0, "z", -0.25)));
            Map<String, Object> o = odom.next(WAIT);
            assertThat(field(o, "header.stamp")).isEqualTo(new Time(12, 500));
            assertThat(field(o, "header.frame_id")).isEqualTo("odom");
            assertThat(o.get("child_frame_id")).isEqualTo("base_link");
            assertThat(field(o, "pose.pose.position.y")).isEqualTo(-2.0);
            assertThat((List<Object>) field(o, "pose.covariance")).hasSize(36).containsOnly((Object) 0.25);
            Map<String, Object> s = scan.next(WAIT);
            assertThat(s.get("ranges")).isEqualTo(List.of(1.0f, 2.5f, 0.25f));
            assertThat(s.get("angle_increment")).isEqualTo(0.25f);
            assertThat(s.get("intensities")).isEqualTo(List.of());
        } finally {
            publishers.forEach(RospyPeer::close);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> message, String path) {
        Object v = message;
        for (String part : path.split("\\.")) {
            v = ((Map<String, Object>) v).get(part);
        }
        return v;
    }

    @Test
    void lateSubscriberGetsTheLastLatchedMessageOfRospy() throws Exception {
        try (RospyPeer talker = RospyPeer.start(roscore.uri(), roscore.home(), "pub", "/rospy/map_name", "std_msgs/String",
                "{\"data\": \"warehouse\"}", "--latch", "--once");
                RosNode node = node("/java_late")) {
            Inbox inbox = new Inbox();
            node.subscribe("/rospy/map_name", "std_msgs/String", inbox);

            assertThat(inbox.next(WAIT)).isEqualTo(Map.of("data", "warehouse"));
        }
    }

    @Test
    void lateRospySubscriberGetsOurLatchedMessage() throws Exception {
        try (RosNode node = node("/java_latcher")) {
            RosPublisher pub = node.advertise("/java/state", "std_msgs/String", PublisherOptions.DEFAULT.latched());
            pub.publish(Map.of("data", "first"));
            pub.publish(Map.of("data", "docked"));
            try (RospyPeer listener = RospyPeer.start(roscore.uri(), roscore.home(), "sub", "/java/state", "std_msgs/String")) {
                assertThat(listener.next(WAIT).get("data").asText()).isEqualTo("docked");
            }
        }
    }

    @Test
    void ourSubscriberReconnectsWhenTheRospyPublisherIsKilledAndRestarted() throws Exception {
        RecordingProblems problems = new RecordingProblems();
        try (RosNode node = node("/java_follower", problems)) {
            Inbox inbox = new Inbox();
            RosSubscriber sub = node.subscribe("/rospy/restarting", "std_msgs/String", inbox);
            try (RospyPeer first = RospyPeer.start(roscore.uri(), roscore.home(), "pub", "/rospy/restarting", "std_msgs/String",
                    "{\"data\": \"one $seq\"}", "--name", "restarting_talker")) {
                assertThat((String) inbox.first(m -> ((String) m.get("data")).startsWith("one"), WAIT).get("data")).startsWith("one");
                first.kill(); // no chance to unregister: the master still lists it until the new one takes its name
            }
            try (RospyPeer second = RospyPeer.start(roscore.uri(), roscore.home(), "pub", "/rospy/restarting", "std_msgs/String",
                    "{\"data\": \"two $seq\"}", "--name", "restarting_talker")) {
                assertThat((String) inbox.first(m -> ((String) m.get("data")).startsWith("two"), WAIT).get("data")).startsWith("two");
                assertThat(sub.publisherUris()).hasSize(1);
            }
        }
    }

    @Test
    void aPublisherOfAnotherTypeIsReportedNamingBothSidesAndTheNodeCarriesOn() throws Exception {
        RecordingProblems problems = new RecordingProblems();
        try (RospyPeer talker = RospyPeer.start(roscore.uri(), roscore.home(), "pub", "/rospy/mixed", "std_msgs/String",
                "{\"data\": \"text\"}");
                RosNode node = node("/java_mismatch", problems)) {
            node.subscribe("/rospy/mixed", "std_msgs/Int32", new Inbox());

            RuntimeException problem = problems.await(p -> p instanceof TypeMismatchException, WAIT.toMillis());

            assertThat(problem).as("problems reported: %s", problems.all()).isNotNull();
            assertThat(problem.getMessage()).startsWith("type mismatch on /rospy/mixed")
                    .contains("we have std_msgs/Int32 (md5 da5909fbe378aeaf85e547e830cc1bb7)")
                    .contains("std_msgs/String (md5 992ce8a1687cec8c8bd883ec73ca41d1)");
            Inbox inbox = new Inbox();
            node.subscribe("/rospy/mixed_ok", "std_msgs/String", inbox);
            RosPublisher pub = node.advertise("/rospy/mixed_ok", "std_msgs/String", PublisherOptions.DEFAULT.latched());
            pub.publish(Map.of("data", "still running"));
            assertThat(inbox.next(WAIT)).isEqualTo(Map.of("data", "still running"));
        }
    }
}
