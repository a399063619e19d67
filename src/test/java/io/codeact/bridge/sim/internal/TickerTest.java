package io.codeact.bridge.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.sim.SimClock;
import org.junit.jupiter.api.Test;

class TickerTest {
    @Test
    void runsWholeTicksAndKeepsTheRemainder() {
        SimClock clock = new SimClock();
        Ticker ticker = new Ticker(clock, 0.1);
        int[] ticks = {0};
        ticker.advance("demo", 0.25, () -> ticks[0]++);
        assertThat(ticks[0]).isEqualTo(2);
        ticker.advance("demo", 0.05, () -> ticks[0]++);
        assertThat(ticks[0]).isEqualTo(3);
        assertThat(clock.seconds()).isEqualTo(0.3);
    }

    @Test
    void refusesAZeroTick() {
        assertThatThrownBy(() -> new Ticker(new SimClock(), 0)).hasMessage("tick must be > 0 s, got 0.0");
    }
}
