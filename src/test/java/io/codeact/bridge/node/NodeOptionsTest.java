package io.codeact.bridge.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link NodeOptions}: what a launch file's parameters give, and errors that name the parameter and the source. */
class NodeOptionsTest {
    private static final String WHERE = "launch/demo.yaml:12 (node controller)";

    @Test
    void readsLaunchParametersOverTheDefaults() {
        NodeOptions o = NodeOptions.fromParams(Map.of("world", "warehouse", "model", "oracle", "mqtt", true, "queue", 2,
                "time_budget_s", 90, "action_timeout_s", 30.5, "robot", "r2"), Path.of("."), WHERE);
        assertThat(o.robot()).isEqualTo("r2");
        assertThat(o.queueSize()).isEqualTo(2);
        assertThat(o.realtimeFactor()).isEqualTo(1.0);
        assertThat(o.episode().timeBudget()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.episode().actionTimeout()).isEqualTo(Duration.ofMillis(30_500));
        assertThat(o.mqttBase()).isEqualTo("codeact/agent/r2");
        assertThat(o.rosBase()).isEqualTo("/r2/codeact");
    }

    @Test
    void namesTheBadParameterAndWhereItCameFrom() {
        assertThatThrownBy(() -> NodeOptions.fromParams(Map.of("world", "warehouse", "model", "oracle", "mqtt", true,
                "queue", "four"), Path.of("."), WHERE))
                .hasMessage(WHERE + ": parameter 'queue' must be a whole number, got 'four'");
        assertThatThrownBy(() -> NodeOptions.fromParams(Map.of("world", "warehouse", "model", "oracle", "mqtt", true,
                "qeue", 4), Path.of("."), WHERE))
                .hasMessageStartingWith(WHERE + ": unknown parameter 'qeue'; the controller node takes robot, world,");
        assertThatThrownBy(() -> NodeOptions.fromParams(Map.of("world", "warehouse", "model", "oracle"), Path.of("."), WHERE))
                .hasMessage(WHERE + ": the node needs a front to take goals from: give --mqtt, --ros or both");
        assertThatThrownBy(() -> NodeOptions.fromParams(Map.of("world", "warehouse", "model", "oracle", "ros", true,
                "robot", "my robot"), Path.of("."), WHERE))
                .hasMessageStartingWith(WHERE + ": robot must be a name of letters, digits and '_'");
    }
}
