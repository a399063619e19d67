package io.codeact.bridge.sim.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.safety.Confirmer;
import io.codeact.bridge.safety.SafetyPolicy;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.safety.StopLatch;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stop published on the broker by anyone latches the controller, not only the device. */
class RemoteStopTest {
    @Test
    void aStopOnTheBusLatchesTheControllerUntilAPersonResumes() throws Exception {
        StopLatch latch = new StopLatch();
        SafetySettings safety = new SafetySettings(SafetyPolicy.defaults(), Confirmer.fixed(false, "t"), latch, false);
        String url = EmbeddedBroker.shared().url();
        try (SimWorldSession sim = MqttWorldSession.create("warehouse", 7, Map.of(), Episodes.TOOLS,
                o -> o.brokerUrl(url).prefix("remote-stop").safety(safety));
                MqttTransport operator = MqttTransport.connect(c -> c.brokerUrl(url).prefix("remote-stop-op"))) {
            ToolDeclaration drive = sim.tools().find("robot.base.drive").orElseThrow();
            Map<String, Object> args = new LinkedHashMap<>(Map.of("linear", 0.2, "angular", 0.0, "duration", 0.5));
            assertThat(((Map<?, ?>) sim.safety().invoke(drive, args)).get("status")).isEqualTo("done");

            // the routine halt at the end of every episode goes out on the device's stop topic too: it must not latch
            sim.safety().haltMotion("episode ended: solved");
            Thread.sleep(500);
            assertThat(latch.stopped()).as("our own halt, echoed by the broker").isFalse();

            operator.publish("remote-stop/stop", "text", Map.of("text", "dana at the wall panel"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!latch.stopped() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(latch.stopped()).isTrue();
            assertThat(latch.state().by()).isEqualTo("MQTT remote-stop/stop: dana at the wall panel");
            assertThatThrownBy(() -> sim.safety().invoke(drive, args)).isInstanceOf(RobotException.class)
                    .satisfies(e -> assertThat(((RobotException) e).details().get("rule")).isEqualTo("stop.latched"));
            // our own halt publishes on the device's stop topic and comes back: no loop, the latch holds
            latch.stop("operator at the console");
            Thread.sleep(300);
            assertThat(latch.state().by()).isEqualTo("operator at the console");
            latch.resume("dana");
            assertThat(((Map<?, ?>) sim.safety().invoke(drive, args)).get("status")).isEqualTo("done");
        }
    }
}
