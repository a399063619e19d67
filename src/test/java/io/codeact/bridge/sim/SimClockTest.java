package io.codeact.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimClockTest {
    @Test
    void startsAtZeroAndMovesOnlyWhenAdvanced() {
        SimClock clock = new SimClock(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(clock.nanos()).isZero();
        clock.advance(SimClock.toNanos(1.5));
        assertThat(clock.seconds()).isEqualTo(1.5);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:01.500Z"));
        clock.reset();
        assertThat(clock.nanos()).isZero();
    }

    @Test
    void neverGoesBack() {
        assertThatThrownBy(() -> new SimClock().advance(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sim time cannot go back: advance(-1 ns)");
    }

    @Test
    void worldsMoveTheirClockInWholeTicks() {
        World w = Worlds.create("warehouse", 1, null);
        w.step(0.015);
        assertThat(w.clock().seconds()).isEqualTo(0.01);
        w.step(0.005);
        assertThat(w.clock().seconds()).isEqualTo(0.02);
        assertThatThrownBy(() -> w.step(-1)).hasMessage("warehouse: step(dtSeconds) needs a finite time ≥ 0 s, got -1.0");
        assertThatThrownBy(() -> w.step(Double.NaN)).hasMessage("warehouse: step(dtSeconds) needs a finite time ≥ 0 s, got NaN");
    }
}
