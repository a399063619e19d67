package io.codeact.bridge.sim.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command round trip of {@code bench mqtt}: real tool calls from Python through the broker to a device and back. */
class CommandRttBenchmarkTest {
    @Test
    void timesToolCallsFromPythonThroughTheBroker() {
        double[] ms = CommandRttBenchmark.run(Path.of("robot-tools"), EmbeddedBroker.shared().url(), 100);
        assertThat(ms[0]).as("p50").isPositive().isLessThan(5000);
        assertThat(ms[1]).as("p99").isGreaterThanOrEqualTo(ms[0]).isLessThan(5000);
    }
}
