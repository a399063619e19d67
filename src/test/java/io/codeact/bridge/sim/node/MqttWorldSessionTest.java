package io.codeact.bridge.sim.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.transport.mqtt.SharedBrokerAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MQTT binding in lockstep is indistinguishable from the in-process one: the same code actions print
 * the same things, raise the same exceptions and leave the world in the same state, through the real
 * embedded broker and a simulator node.
 */
class MqttWorldSessionTest {
    @ParameterizedTest
    @ValueSource(strings = {"warehouse", "tabletop", "smart_home"})
    void lockstepGivesExactlyTheInProcessResults(String world) {
        assertEquivalent(world, SharedBrokerAccess.url());
    }

    static void assertEquivalent(String world, String brokerUrl) {
        Map<String, ?> scenario = world.equals("warehouse")
                ? Map.of("robots", List.of(Map.of("name", "r1", "x", 3.0, "y", 9.5, "theta", 0.0, "battery", 55)))
                : Map.of();
        List<String> actions = Episodes.BY_WORLD.get(world);
        List<String> inProcess;
        Map<String, Object> inProcessState;
        try (SimWorldSession sim = SimWorldSession.create(world, 11, scenario, Episodes.TOOLS)) {
            inProcess = Episodes.run(sim, actions);
            inProcessState = sim.world().state();
        }
        List<String> overMqtt;
        Map<String, Object> overMqttState;
        try (SimWorldSession sim = MqttWorldSession.create(world, 11, scenario, Episodes.TOOLS,
                o -> o.brokerUrl(brokerUrl).prefix(Episodes.freshPrefix()))) {
            overMqtt = Episodes.run(sim, actions);
            synchronized (sim.world()) {
                overMqttState = sim.world().state();
            }
        }
        assertThat(inProcess).allSatisfy(a -> assertThat(a).startsWith("OK\n"));
        assertThat(String.join("\n", inProcess)).contains("Error");  // the actions do exercise refusals
        assertThat(overMqtt).isEqualTo(inProcess);
        assertThat(overMqttState).isEqualTo(inProcessState);
    }
}
