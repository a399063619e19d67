package io.codeact.bridge.sim.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.mqtt.Mosquitto;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller that dies mid-motion leaves a stopped robot: {@code bin/codeact exec --binding mqtt --device robot}
 * drives a simulator node (realtime, on Debian's mosquitto) for 20 s and is killed with SIGKILL after about
 * 2 s; its heartbeats stop, so the node's motion lease runs out and the base stops by itself.
 */
class ControllerKilledIT {
    private static final Path HOME = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theDeviceStopsByItsLeaseWhenTheBridgeProcessIsKilled() throws Exception {
        assumeTrue(Mosquitto.installed(), Mosquitto.NOT_INSTALLED);
        assumeTrue(Files.isRegularFile(HOME.resolve("target/codeact-bridge.jar")),
                "bin/codeact needs the packaged jar (./mvnw package, which `verify` runs before this test)");
        ToolSet tools = ToolSet.load(List.of(Episodes.TOOLS.resolve("warehouse.yaml")));
        World world = WorldRegistry.standard().create("warehouse", 7, Map.of());
        Path action = dir.resolve("spin.py");
        // Turning in place: 20 s of motion that cannot end early on a collision.
        Files.writeString(action, "print(robot.base.drive(0.0, 0.5, 20.0))\n");
        List<Map<String, Object>> echoes = new CopyOnWriteArrayList<>();
        try (Mosquitto m = Mosquitto.start(false);
                SimMqttNode node = SimMqttNode.connect(world, tools, o -> o.brokerUrl(m.url()).realtime(1.0));
                MqttTransport watcher = MqttTransport.connect(c -> c.brokerUrl(m.url()).availability(false))) {
            watcher.subscribe("codeact/robot/base.drive/state", "json", msg -> echoes.add(msg.fields()));
            Path output = dir.resolve("bridge.out");
            ProcessBuilder pb = new ProcessBuilder(HOME.resolve("bin/codeact").toString(), "exec", "--world", "warehouse",
                    "--binding", "mqtt", "--broker", m.url(), "--device", "robot", "--timeout", "60", action.toString())
                    .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().put("CODEACT_NO_BUILD", "1");
            Process bridge = pb.start();
            try {
                Inbox.awaitTrue(() -> turning(world) || !bridge.isAlive(), Duration.ofSeconds(120), "the bridge to start the turn");
                assertThat(bridge.isAlive()).as("bridge output:\n" + Files.readString(output)).isTrue();
                Thread.sleep(2000);
                assertThat(turning(world)).as("still turning 2 s later, with the bridge's heartbeats").isTrue();
                double killedAt = simTime(world);
                bridge.destroyForcibly();  // SIGKILL: no shutdown hook, no last command, only silence
                assertThat(bridge.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

                Inbox.awaitTrue(() -> !turning(world) && r1(world).get("motion") == null, Duration.ofSeconds(20),
                        "the base to stop by itself");
                // node lease (1 s wall) + world lease (1 s sim) + braking, with margin; the turn had 15+ s to go.
                assertThat(simTime(world) - killedAt).isLessThan(8.0);
                Inbox.awaitTrue(() -> echoes.stream().anyMatch(e -> "lease_expired".equals(e.get("status"))),
                        Duration.ofSeconds(10), "the drive's echo with status lease_expired");
            } finally {
                bridge.destroyForcibly();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> r1(World world) {
        synchronized (world) {
            return (Map<String, Object>) ((Map<String, Object>) world.state().get("robots")).get("r1");
        }
    }

    private static boolean turning(World world) {
        return Math.abs(((Number) r1(world).get("angular")).doubleValue()) > 0.1;
    }

    private static double simTime(World world) {
        synchronized (world) {
            return world.clock().seconds();
        }
    }
}
