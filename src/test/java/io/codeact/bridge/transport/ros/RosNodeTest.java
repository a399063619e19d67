package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.transport.ros.internal.ConnectionHeader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our nodes with our embedded master, in one process: topics, latching, queues, services, and what happens
 * with bad input (malformed headers, truncated frames, wrong MD5 sums, unknown types, no master).
 */
@Timeout(60)
class RosNodeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MessageRegistry TYPES = MessageRegistry.withBundledTypes();
    private static RosMaster master;

    @BeforeAll
    static void startMaster() {
        master = RosMaster.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopMaster() {
        master.close();
    }

    private static RosNode node(String name, ProblemListener problems) {
        return RosNode.builder(name).masterUri(master.uri()).types(TYPES).onProblem(problems).start();
    }

    private static RosNode node(String name) {
        return node(name, new RecordingProblems());
    }

    @Test
    void deliversMessagesBetweenTwoNodesAndListsThemWithTheMaster() throws Exception {
        try (RosNode talker = node("/talker"); RosNode listener = node("/listener")) {
            Inbox inbox = new Inbox();
            RosSubscriber sub = listener.subscribe("/chatter", "std_msgs/String", inbox);
            RosPublisher pub = talker.advertise("/chatter", "std_msgs/String");
            assertThat(pub.awaitSubscribers(1, WAIT)).isTrue();
            assertThat(sub.awaitPublishers(1, WAIT)).isTrue();

            pub.publish(Map.of("data", "one"));
            pub.publish(Map.of("data", "two"));

            assertThat(inbox.next(WAIT)).isEqualTo(Map.of("data", "one"));
            assertThat(inbox.next(WAIT)).isEqualTo(Map.of("data", "two"));
            SystemState state = talker.master().systemState();
            assertThat(state.publishers().get("/chatter")).isEqualTo(List.of("/talker"));
            assertThat(state.subscribers().get("/chatter")).isEqualTo(List.of("/listener"));
            assertThat(talker.master().topicTypes()).containsEntry("/chatter", "std_msgs/String");
            assertThat(talker.master().lookupNode("/listener")).isEqualTo(listener.uri());
        }
    }

    @Test
    void resolvesRelativeAndPrivateNamesInTheNodesNamespace() {
        try (RosNode node = RosNode.builder("bridge").namespace("/robot1").masterUri(master.uri()).start()) {
            assertThat(node.name()).isEqualTo("/robot1/bridge");
            assertThat(node.resolve("cmd_vel")).isEqualTo("/robot1/cmd_vel");
            assertThat(node.resolve("~status")).isEqualTo("/robot1/bridge/status");
            assertThat(node.resolve("/odom")).isEqualTo("/odom");
            assertThatThrownBy(() -> node.resolve("bad name"))
                    .hasMessageStartingWith("\"bad name\" is not a valid ROS graph resource name");
        }
    }

    @Test
    void aLatchedTopicGivesItsLastMessageToLateSubscribers() throws Exception {
        try (RosNode talker = node("/latcher"); RosNode late = node("/late")) {
            RosPublisher pub = talker.advertise("/map_name", "std_msgs/String", PublisherOptions.DEFAULT.latched());
            pub.publish(Map.of("data", "old"));
            pub.publish(Map.of("data", "warehouse"));
            Inbox inbox = new Inbox();

            late.subscribe("/map_name", "std_msgs/String", inbox);

            assertThat(inbox.next(WAIT)).isEqualTo(Map.of("data", "warehouse"));
        }
    }

    @Test
    void aSubscriberOfAnyTypeLearnsItFromThePublisher() throws Exception {
        try (RosNode talker = node("/typed"); RosNode any = node("/any")) {
            RosPublisher pub = talker.advertise("/pose", "geometry_msgs/Point", PublisherOptions.DEFAULT.latched());
            pub.publish(Map.of("x", 1.0, "y", 2.0));
            Inbox inbox = new Inbox();

            RosSubscriber sub = any.subscribe("/pose", (MessageType) null, inbox);

            assertThat(inbox.next(WAIT)).isEqualTo(Map.of("x", 1.0, "y", 2.0, "z", 0.0));
            assertThat(sub.type().name()).isEqualTo("geometry_msgs/Point");
        }
    }

    @Test
    void aSlowSubscriberLosesTheOldestMessagesNotTheNewest() throws Exception {
        try (RosNode talker = node("/flooder")) {
            RosPublisher pub = talker.advertise("/blobs", "std_msgs/UInt8MultiArray", PublisherOptions.DEFAULT.withQueueSize(2));
            try (Socket raw = rawSubscriber(talker, "/blobs", pub.type().md5(), 4096)) {
                InputStream in = new BufferedInputStream(raw.getInputStream());
                Map<String, String> header = ConnectionHeader.read(in, "publisher");
                assertThat(header).containsEntry("md5sum", pub.type().md5());
                assertThat(pub.awaitSubscribers(1, WAIT)).isTrue();
                int published = 40;
                for (int i = 0; i < published; i++) {
                    byte[] blob = new byte[512 * 1024];
                    blob[0] = (byte) i;
                    pub.publish(Map.of("data", blob));
                }
                MessageType type = pub.type();
                int received = 0;
                int last = -1;
                raw.setSoTimeout(2000);
                while (last != published - 1) {
                    byte[] body = io.codeact.bridge.transport.ros.internal.Frames.read(in, "test");
                    last = ((byte[]) type.deserialize(body).get("data"))[0];
                    received++;
                }
                assertThat(received).isLessThan(published);
            }
        }
    }

    private static Socket rawSubscriber(RosNode node, String topic, String md5, int receiveBuffer) throws Exception {
        Object[] tcpros = tcprosAddress(node, topic);
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.connect(new java.net.InetSocketAddress((String) tcpros[0], (Integer) tcpros[1]));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("callerid", "/raw");
        h.put("topic", topic);
        h.put("md5sum", md5);
        h.put("type", "*");
        s.getOutputStream().write(ConnectionHeader.encode(h));
        return s;
    }

    private static Object[] tcprosAddress(RosNode node, String topic) {
        List<?> reply = (List<?>) new io.codeact.bridge.transport.ros.internal.XmlRpcClient(node.uri(), WAIT)
                .call("requestTopic", "/raw", topic, List.of(List.of("TCPROS")));
        List<?> protocol = (List<?>) reply.get(2);
        return new Object[] {protocol.get(1), protocol.get(2)};
    }

    @Test
    void md5WildcardFromRostopicIsAnsweredWithTheRealType() throws Exception {
        try (RosNode talker = node("/wild")) {
            RosPublisher pub = talker.advertise("/wild/state", "std_msgs/String", PublisherOptions.DEFAULT.latched());
            pub.publish(Map.of("data", "on"));
            try (Socket raw = rawSubscriber(talker, "/wild/state", "*", 0)) {
                InputStream in = new BufferedInputStream(raw.getInputStream());
                Map<String, String> header = ConnectionHeader.read(in, "publisher");
                byte[] body = io.codeact.bridge.transport.ros.internal.Frames.read(in, "test");

                assertThat(header).containsEntry("type", "std_msgs/String").containsEntry("latching", "1")
                        .containsEntry("md5sum", "992ce8a1687cec8c8bd883ec73ca41d1").containsKey("message_definition");
                assertThat(pub.type().deserialize(body)).isEqualTo(Map.of("data", "on"));
            }
        }
    }

    @Test
    void aSubscriberWithTheWrongMd5IsRefusedWithAnErrorNamingBothTypes() throws Exception {
        RecordingProblems problems = new RecordingProblems();
        try (RosNode talker = node("/strict", problems)) {
            talker.advertise("/strict/cmd", "geometry_msgs/Twist");
            try (Socket raw = rawSubscriber(talker, "/strict/cmd", "0123456789abcdef0123456789abcdef", 0)) {
                Map<String, String> header = ConnectionHeader.read(new BufferedInputStream(raw.getInputStream()), "publisher");

                assertThat(header.get("error")).isEqualTo("type mismatch on /strict/cmd: we have geometry_msgs/Twist"
                        + " (md5 9f195f881246fdfa2798d1d3eebca84a), peer has * (md5 0123456789abcdef0123456789abcdef); use the"
                        + " same message type on both ends");
                assertThat(raw.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(problems.await(p -> p instanceof TypeMismatchException, 5000))
                    .hasMessageStartingWith("type mismatch on /strict/cmd (subscriber /raw)");
        }
    }

    @Test
    void aMalformedHeaderIsRefusedAndTheNodeKeepsServing() throws Exception {
        RecordingProblems problems = new RecordingProblems();
        try (RosNode talker = node("/sturdy", problems)) {
            RosPublisher pub = talker.advertise("/sturdy/state", "std_msgs/String", PublisherOptions.DEFAULT.latched());
            pub.publish(Map.of("data", "alive"));
            Object[] tcpros = tcprosAddress(talker, "/sturdy/state");
            try (Socket raw = new Socket((String) tcpros[0], (Integer) tcpros[1])) {
                OutputStream out = raw.getOutputStream();
                out.write(FakePublisher.le(8));
                out.write(FakePublisher.le(100)); // a field "100 bytes long" in an 8-byte header
                out.write("topi".getBytes(StandardCharsets.US_ASCII));
                Map<String, String> answer = ConnectionHeader.read(new BufferedInputStream(raw.getInputStream()), "node");

                assertThat(answer.get("error")).startsWith("malformed connection header from TCPROS client /127.0.0.1:")
                        .endsWith(": field at offset 0 says 100 bytes but only 4 are left");
            }
            try (Socket garbage = new Socket((String) tcpros[0], (Integer) tcpros[1])) {
                garbage.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                Map<String, String> answer = ConnectionHeader.read(new BufferedInputStream(garbage.getInputStream()), "node");
                assertThat(answer.get("error")).contains("it says it is 542393671 bytes long").contains("is this a TCPROS peer?");
            }
            assertThat(problems.all()).hasSize(2).allMatch(p -> p instanceof RosProtocolException);
            try (RosNode listener = node("/after")) {
                Inbox inbox = new Inbox();
                listener.subscribe("/sturdy/state", "std_msgs/String", inbox);
                assertThat(inbox.next(WAIT)).isEqualTo(Map.of("data", "alive"));
            }
        }
    }

    @Test
    void aTruncatedFrameIsReportedAndTheSubscriberReconnects() throws Exception {
        MessageType string = TYPES.message("std_msgs/String");
        RecordingProblems problems = new RecordingProblems();
        try (FakePublisher fake = new FakePublisher(); RosNode listener = node("/patient", problems)) {
            fake.then((header, out) -> {
                out.write(FakePublisher.header(string, "/flaky"));
                out.write(FakePublisher.le(100));
                out.write(new byte[10]); // then hang up: 90 bytes never come
            }).then((FakePublisher.Hold) (header, out) -> {
                out.write(FakePublisher.header(string, "/flaky"));
                out.write(FakePublisher.le(3)); // a frame whose string claims 100 bytes: malformed, skipped
                out.write(new byte[] {100, 0, 0});
                byte[] good = string.serialize(Map.of("data", "back again"));
                out.write(FakePublisher.le(good.length));
                out.write(good);
            });
            MasterClient.of(master.uri(), "/fake_publisher").registerPublisher("/flaky", "std_msgs/String", fake.uri());
            Inbox inbox = new Inbox();

            listener.subscribe("/flaky", "std_msgs/String", inbox);

            assertThat(inbox.next(WAIT)).isEqualTo(Map.of("data", "back again"));
            assertThat(problems.all()).extracting(Throwable::getMessage).anySatisfy(m -> assertThat(m)
                    .contains("lost publisher /fake_publisher (" + fake.uri() + ")")
                    .contains("truncated frame (a message on /flaky from /fake_publisher")
                    .contains("expected 100 bytes, the connection closed after 10"));
            assertThat(problems.all()).extracting(Throwable::getMessage).anySatisfy(m -> assertThat(m)
                    .startsWith("dropped a message on /flaky from /fake_publisher")
                    .contains("cannot read std_msgs/String"));
            assertThat(fake.headers().take()).containsEntry("md5sum", string.md5()).containsEntry("tcp_nodelay", "1");
        }
    }

    @Test
    void servicesAnswerAndReportHandlerErrors() throws Exception {
        try (RosNode server = node("/server"); RosNode client = node("/client")) {
            server.advertiseService("/arm", "std_srvs/SetBool", req -> {
                if (!(Boolean) req.get("data")) {
                    throw new IllegalStateException("cannot disarm while moving");
                }
                return Map.of("success", true, "message", "armed");
            });
            ServiceType setBool = TYPES.service("std_srvs/SetBool");

            try (RosServiceClient persistent = client.serviceClient("/arm", setBool, true)) {
                assertThat(persistent.call(Map.of("data", true), WAIT)).isEqualTo(Map.of("success", true, "message", "armed"));
                assertThatThrownBy(() -> persistent.call(Map.of("data", false), WAIT))
                        .isInstanceOf(ServiceException.class)
                        .hasMessage("service /arm (server /server at " + server.master().lookupService("/arm")
                                + ") failed: cannot disarm while moving");
                assertThat(persistent.call(Map.of("data", true), WAIT).get("message")).isEqualTo("armed");
            }
            assertThat(client.serviceType("/arm")).isEqualTo("std_srvs/SetBool");
            assertThatThrownBy(() -> client.call("/arm", "std_srvs/Trigger", Map.of(), WAIT))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageContaining("refused the connection: type mismatch on /arm");
        }
    }

    @Test
    void unknownTypesAreNamedWithAHint() {
        try (RosNode node = node("/typo")) {
            assertThatThrownBy(() -> node.advertise("/x", "geometry_msgs/twist"))
                    .isInstanceOf(MessageDefinitionException.class)
                    .hasMessageStartingWith("unknown message type geometry_msgs/twist (did you mean geometry_msgs/Twist?)");
            assertThatThrownBy(() -> node.advertise("/x", "Twist"))
                    .hasMessageStartingWith("\"Twist\" is not a full message type name");
        }
    }

    @Test
    void startingWithoutAMasterSaysWhereItLookedAndWhatToDo() {
        int port = DebianRoscore.freePort();
        assertThatThrownBy(() -> RosNode.builder("/lonely").masterUri("http://127.0.0.1:" + port).start())
                .isInstanceOf(MasterException.class)
                .hasMessage("cannot reach the ROS master at http://127.0.0.1:" + port + "/ (getParam): cannot connect to"
                        + " http://127.0.0.1:" + port + "/ (getParam): connection refused; start one (roscore, or codeact"
                        + " roscore) or point ROS_MASTER_URI / --master at a running one");
        assertThatThrownBy(() -> RosNode.builder("/lonely").masterUri("localhost:11311").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an http://host:port/ URI");
    }

    @Test
    void theMasterShutsDownANodeWhenAnotherTakesItsName() throws Exception {
        RecordingProblems problems = new RecordingProblems();
        RosNode first = node("/twin", problems);
        first.advertise("/twin/out", "std_msgs/Empty");
        try (RosNode second = node("/twin")) {
            second.advertise("/twin/out", "std_msgs/Empty");

            assertThat(problems.await(p -> p instanceof MasterException, WAIT.toMillis()))
                    .hasMessage("node /twin was told to shut down: /master asked us to shut down: new node registered with same name");
            assertThat(second.master().systemState().publishers().get("/twin/out")).isEqualTo(List.of("/twin"));
        } finally {
            first.close();
        }
    }

    @Test
    void usesHostAndMasterFromTheEnvironment() {
        URI uri = URI.create(master.uri());
        Map<String, String> env = Map.of("ROS_MASTER_URI", master.uri(), "ROS_IP", "127.0.0.1", "ROS_NAMESPACE", "/ns1");
        try (RosNode node = RosNode.builder("envy").environment(env).start()) {
            assertThat(node.masterUri()).isEqualTo(master.uri());
            assertThat(node.name()).isEqualTo("/ns1/envy");
            assertThat(node.uri()).startsWith("http://127.0.0.1:");
            assertThat(uri.getPort()).isPositive();
        }
    }
}
