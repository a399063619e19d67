package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.transport.ros.MasterClient;
import io.codeact.bridge.transport.ros.PublisherOptions;
import io.codeact.bridge.transport.ros.RosMaster;
import io.codeact.bridge.transport.ros.RosNode;
import io.codeact.bridge.transport.ros.RosPublisher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code codeact ros ...} and {@code codeact roscore} against our embedded master, in process. */
@Timeout(60)
class RosCommandTest {
    private static RosMaster master;
    private static RosNode robot;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startGraph() {
        master = RosMaster.start("127.0.0.1", 0);
        robot = RosNode.builder("/robot").masterUri(master.uri()).start();
        RosPublisher odom = robot.advertise("/odom", "geometry_msgs/Pose2D", PublisherOptions.DEFAULT.latched());
        odom.publish(Map.of("x", 1.5, "y", -2.0, "theta", 0.25));
        robot.advertiseService("/reset", "std_srvs/SetBool", req -> Map.of("success", req.get("data"), "message", "reset \"ok\""));
    }

    @AfterAll
    static void stopGraph() {
        robot.close();
        master.close();
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int ros(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "ros";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--master";
        all[args.length + 2] = master.uri();
        return run(all);
    }

    @Test
    void topicListPrintsOneTopicPerLineOrJsonRows() {
        assertThat(ros("topic", "list")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines()).contains("/odom");

        out.getBuffer().setLength(0);
        assertThat(ros("topic", "list", "--json")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("{\"topic\":\"/odom\",\"type\":\"geometry_msgs/Pose2D\",\"publishers\":[\"/robot\"],\"subscribers\":[]}");
    }

    @Test
    void topicEchoPrintsMessagesAsYamlOrJson() {
        assertThat(ros("topic", "echo", "/odom", "-n", "1", "--timeout", "10")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("x: 1.5\ny: -2.0\ntheta: 0.25\n---\n");

        out.getBuffer().setLength(0);
        assertThat(ros("topic", "echo", "/odom", "-n", "1", "--json", "--timeout", "10")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("{\"x\":1.5,\"y\":-2.0,\"theta\":0.25}\n");
    }

    @Test
    void topicPubOnceReachesAnEcho() throws Exception {
        CompletableFuture<Integer> echo = CompletableFuture.supplyAsync(
                () -> ros("topic", "echo", "/chatter", "--type", "std_msgs/String", "-n", "1", "--timeout", "20"));
        MasterClient tool = MasterClient.of(master.uri(), "/test");
        while (!tool.systemState().subscribers().containsKey("/chatter")) {
            Thread.onSpinWait(); // the echo registers in its own thread; wait for the master to know it
        }
        StringWriter pubErr = new StringWriter();
        CommandLine pub = Main.commandLine();
        pub.setErr(new PrintWriter(pubErr, true));
        int code = pub.execute("ros", "topic", "pub", "/chatter", "std_msgs/String", "data: hello", "--once", "--master", master.uri());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(echo.get(20, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("data: \"hello\"\n---\n");
        assertThat(pubErr.toString()).isEqualTo("published to /chatter (1 subscriber)" + System.lineSeparator());
    }

    @Test
    void topicInfoAndTypeNameThePublisher() {
        assertThat(ros("topic", "info", "/odom")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("Type: geometry_msgs/Pose2D\n\nPublishers:\n * /robot (" + robot.uri() + ")\n\n"
                + "Subscribers: None\n\n");
        out.getBuffer().setLength(0);
        assertThat(ros("topic", "type", "/odom")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("geometry_msgs/Pose2D\n");
        assertThat(ros("topic", "info", "/nowhere")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("unknown topic /nowhere");
    }

    @Test
    void serviceCallFindsTheTypeAndPrintsTheResponse() {
        assertThat(ros("service", "call", "/reset", "{data: true}")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("success: True\nmessage: \"reset \\\"ok\\\"\"\n");
        out.getBuffer().setLength(0);
        assertThat(ros("service", "list")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines()).contains("/reset");
    }

    @Test
    void paramSetAndGetTakeAndPrintYaml() {
        assertThat(ros("param", "set", "/cli/limits", "{speed: 0.5, names: [a, b], armed: true}")).isEqualTo(ExitCodes.OK);
        assertThat(ros("param", "get", "/cli/limits")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("speed: 0.5\nnames: [\"a\", \"b\"]\narmed: True\n");
        out.getBuffer().setLength(0);
        assertThat(ros("param", "get", "/cli/limits/speed", "--json")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("0.5\n");
        assertThat(ros("param", "get", "/cli/missing")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("parameter /cli/missing is not set");
    }

    @Test
    void hzMeasuresAPublisherRate() throws Exception {
        RosPublisher beat = robot.advertise("/beat", "std_msgs/Empty");
        CompletableFuture<Integer> hz = CompletableFuture.supplyAsync(() -> ros("topic", "hz", "/beat", "--duration", "1.5", "--json"));
        for (int i = 0; i < 200 && !hz.isDone(); i++) {
            beat.publish(Map.of());
            TimeUnit.MILLISECONDS.sleep(10); // a 100 Hz publisher
        }
        assertThat(hz.get(20, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("\"topic\":\"/beat\"").contains("\"rate_hz\":");
        beat.close();
    }

    @Test
    void aMasterThatIsDownIsAFailureThatSaysWhatToDo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(run("ros", "topic", "list", "--master", "http://127.0.0.1:" + port + "/")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("cannot reach the ROS master at http://127.0.0.1:" + port + "/")
                .contains("start one (roscore, or codeact roscore)");
    }

    @Test
    void badFieldsAreAUsageError() {
        assertThat(ros("topic", "pub", "/x", "std_msgs/String", "[1, 2]", "--once")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("FIELDS must be a mapping of field names to values");
        assertThat(ros("param", "set", "/x", "{unclosed")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("VALUE is not YAML or JSON");
    }

    @Test
    void roscoreServesUntilToldToShutDown() throws Exception {
        CompletableFuture<Integer> core = CompletableFuture.supplyAsync(() -> run("roscore", "--port", "0", "--host", "127.0.0.1"));
        String uri = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (uri == null && System.nanoTime() < deadline) {
            // wait for the whole line: the command may still be writing it
            uri = out.toString().lines()
                    .filter(l -> l.startsWith("ROS master running at http://") && l.endsWith("/"))
                    .map(l -> l.replace("ROS master running at ", ""))
                    .findFirst().orElse(null);
            Thread.onSpinWait();
        }
        assertThat(uri).as("the roscore command announced its URI: " + out).isNotNull();
        MasterClient client = MasterClient.of(uri, "/test");
        assertThat(client.getUri()).isEqualTo(uri);
        client.shutdown("test done");
        assertThat(core.get(20, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
}
