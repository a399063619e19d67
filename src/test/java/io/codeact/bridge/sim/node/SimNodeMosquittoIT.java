package io.codeact.bridge.sim.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.codeact.bridge.bind.mqtt.MqttToolInvoker;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.mqtt.CommandChannel;
import io.codeact.bridge.transport.mqtt.CommandResult;
import io.codeact.bridge.transport.mqtt.Mosquitto;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator nodes through Debian's mosquitto, started on a free port: the same results as in-process, and leases. */
class SimNodeMosquittoIT {
    @BeforeAll
    static void needsMosquitto() {
        assumeTrue(Mosquitto.installed(), Mosquitto.NOT_INSTALLED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"warehouse", "tabletop", "smart_home"})
    void lockstepThroughMosquittoGivesExactlyTheInProcessResults(String world) {
        try (Mosquitto m = Mosquitto.start(false)) {
            MqttWorldSessionTest.assertEquivalent(world, m.url());
        }
    }

    @Test
    void aDriveStopsByItselfWhenTheBrokerDies() throws Exception {
        ToolSet tools = ToolSet.load(List.of(Episodes.TOOLS.resolve("warehouse.yaml")));
        World world = WorldRegistry.standard().create("warehouse", 5, Map.of());
        try (Mosquitto m = Mosquitto.start(false);
                SimMqttNode node = SimMqttNode.connect(world, tools, o -> o.brokerUrl(m.url()).prefix("it").realtime(1.0)
                        .lease(Duration.ofMillis(300)));
                MqttTransport bridge = MqttTransport.connect(c -> c.brokerUrl(m.url()).prefix("it"));
                CommandChannel channel = CommandChannel.open(bridge, o -> o.prefix("it"))) {
            MqttToolInvoker invoker = MqttToolInvoker.create(bridge, channel, o -> o.prefix("it").lease(Duration.ofMillis(300)));
            // Sanity: with heartbeats flowing, a short drive runs to its end.
            Map<?, ?> ok = (Map<?, ?>) invoker.invoke(tools.find("robot.base.drive").orElseThrow(),
                    new java.util.LinkedHashMap<>(Map.of("linear", 0.3, "angular", 0.0, "duration", 1.0)));
            assertThat(ok.get("status")).isEqualTo("done");

            java.util.concurrent.CompletableFuture<CommandResult> drive = channel.sendAsync("robot", "base.drive",
                    channel.newCommandId(), Map.of("linear", 0.5, "duration", 60.0), Duration.ofSeconds(60));
            Inbox.awaitTrue(() -> moving(world), Duration.ofSeconds(20), "the base to drive");
            m.kill();  // the link goes silent: no heartbeat reaches the node any more
            Inbox.awaitTrue(() -> !moving(world) && motion(world) == null, Duration.ofSeconds(20), "the base to stop by itself");
            synchronized (world) {
                assertThat(world.clock().seconds()).isLessThan(30.0);
            }
            drive.cancel(false);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> r1(World world) {
        synchronized (world) {
            return (Map<String, Object>) ((Map<String, Object>) world.state().get("robots")).get("r1");
        }
    }

    private static boolean moving(World world) {
        return ((Number) r1(world).get("linear")).doubleValue() > 0.1;
    }

    private static Object motion(World world) {
        return r1(world).get("motion");
    }
}
