package io.codeact.bridge.bind.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.codeact.bridge.cli.Main;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.sim.node.SimMqttNode;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.mqtt.Mosquitto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bridge side alone ({@code --binding mqtt --device}): code actions drive a simulator node that runs in
 * realtime on Debian's mosquitto, as they would drive a robot in another process; nothing is simulated on the
 * bridge's side.
 */
class MqttRobotSessionIT {
    private static final Path TOOLS = Path.of("robot-tools");
    private static SandboxEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsMosquitto() {
        assumeTrue(Mosquitto.installed(), Mosquitto.NOT_INSTALLED);
        engine = SandboxEngine.create(c -> {
            c.actionTimeout = Duration.ofSeconds(60);
            c.warmSessions = 0;
        });
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static SimMqttNode realtimeNode(World world, String url) {
        ToolSet tools = ToolSet.load(List.of(TOOLS.resolve("warehouse.yaml")));
        return SimMqttNode.connect(world, tools, o -> o.brokerUrl(url).realtime(4.0).lease(Duration.ofMillis(500)));
    }

    @Test
    void aCodeActionDrivesARemoteNodeThroughTheSafetyGate() {
        World world = WorldRegistry.standard().create("warehouse", 7, Map.of());
        try (Mosquitto m = Mosquitto.start(false);
                SimMqttNode node = realtimeNode(world, m.url());
                MqttRobotSession robot = MqttRobotSession.connect("warehouse", TOOLS, o -> o.brokerUrl(m.url()).device("robot"),
                        SafetySettings.unattendedSimulator());
                Session session = engine.openSession("remote")) {
            robot.exposeIn(session);
            double before = x(world);
            ActionResult r = session.execute("""
                    r = robot.base.drive(0.5, 0.0, 2.0)
                    print('drive', r['status'])
                    t0 = wait(0.0)
                    t1 = wait(1.5)
                    print('waited', t1 - t0 >= 1.5)
                    print('battery', robot.battery.level()['percent'] > 0)
                    try:
                        robot.base.drive(9.0, 0.0, 1.0)
                    except Exception as e:
                        print('refused', type(e).__name__)
                    """, Duration.ofSeconds(60));
            assertThat(r.error()).as(r.stdout()).isNull();
            assertThat(r.stdout()).contains("drive done", "waited True", "battery True", "refused ");
            // The node's world moved: the commands crossed the broker, nothing ran on the bridge's side.
            assertThat(x(world) - before).isGreaterThan(0.5);
            assertThat(robot.link().isSimulator()).as("the node answers sim.wait").isTrue();
            assertThat(robot.safety().violations()).isEqualTo(1);
        }
    }

    @Test
    void theGatesHaltPublishesOnTheDevicesStopTopicAndStopsARunningDrive() throws Exception {
        World world = WorldRegistry.standard().create("warehouse", 7, Map.of());
        try (Mosquitto m = Mosquitto.start(false);
                SimMqttNode node = realtimeNode(world, m.url());
                MqttRobotSession robot = MqttRobotSession.connect("warehouse", TOOLS, o -> o.brokerUrl(m.url()),
                        SafetySettings.unattendedSimulator());
                Session session = engine.openSession("remote-halt")) {
            robot.exposeIn(session);
            Thread action = new Thread(() -> session.execute("robot.base.drive(0.5, 0.0, 60.0)", Duration.ofSeconds(90)));
            action.start();
            await(() -> linear(world) > 0.2, "the base to drive");
            robot.safety().haltMotion("test halts");
            await(() -> linear(world) < 0.01, "the base to stop after the halt");
            action.join(30_000);
            assertThat(action.isAlive()).as("the drive's echo came back after the halt").isFalse();
        }
    }

    @Test
    void execWithDeviceDrivesTheRemoteNodeAndStartsNoSimulator() throws Exception {
        World world = WorldRegistry.standard().create("warehouse", 7, Map.of());
        Path file = dir.resolve("drive.py");
        Files.writeString(file, """
                r = robot.base.drive(0.5, 0.0, 2.0)
                print(r['status'])
                # %%
                print('moving', robot.base.status()['moving'], r['status'])
                """);
        try (Mosquitto m = Mosquitto.start(false); SimMqttNode node = realtimeNode(world, m.url())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            double before = x(world);
            int code = cli.execute("exec", "--world", "warehouse", "--binding", "mqtt", "--broker", m.url(),
                    "--device", "robot", "--timeout", "60", file.toString());
            assertThat(code).as(out + "\n" + err).isZero();
            assertThat(out.toString()).contains("done", "moving False done");
            assertThat(x(world) - before).as("the node's robot moved").isGreaterThan(0.5);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> r1(World world) {
        synchronized (world) {
            return (Map<String, Object>) ((Map<String, Object>) world.state().get("robots")).get("r1");
        }
    }

    /** Metres driven so far (the world's ground truth, read in the node's JVM). */
    private static double x(World world) {
        return ((Number) r1(world).get("distance")).doubleValue();
    }

    private static double linear(World world) {
        return ((Number) r1(world).get("linear")).doubleValue();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 30 s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
