package io.codeact.bridge.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.sim.SimCommandException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandArgsTest {
    private static CommandArgs args(Map<String, ?> values) {
        return new CommandArgs("base.drive", values);
    }

    @Test
    void readsNumbersOfAnyNumericTypeAndTreatsNullAsMissing() {
        Map<String, Object> values = new HashMap<>();
        values.put("linear", 1L);
        values.put("angular", null);
        CommandArgs a = args(values);
        assertThat(a.number("linear")).isEqualTo(1.0);
        assertThat(a.has("angular")).isFalse();
        assertThat(a.number("angular", 0.25)).isEqualTo(0.25);
    }

    @Test
    void namesTheArgumentTheRangeAndTheValue() {
        assertThatThrownBy(() -> args(Map.of("linear", 2.5)).number("linear", -1, 1, "m/s"))
                .isInstanceOf(SimCommandException.class)
                .hasMessage("base.drive: linear must be within -1.0..1.0 m/s, got 2.5");
        assertThatThrownBy(() -> args(Map.of("linear", true)).number("linear"))
                .hasMessage("base.drive: argument 'linear' must be a number, got Boolean true");
        assertThatThrownBy(() -> args(Map.of("linear", Double.NaN)).number("linear"))
                .hasMessage("base.drive: argument 'linear' must be a finite number, got NaN");
        assertThatThrownBy(() -> args(Map.of("on", "yes")).bool("on"))
                .hasMessage("base.drive: argument 'on' must be True or False, got 'yes'");
        assertThatThrownBy(() -> args(Map.of()).text("robot")).hasMessage("base.drive: missing argument 'robot'");
    }
}
