package io.codeact.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimRunnerTest {
    /** A wall clock that moves only when the runner sleeps. */
    private static final class FakeWall {
        long nanos;
        final List<Long> sleeps = new ArrayList<>();

        long now() {
            return nanos;
        }

        void sleep(long n) {
            sleeps.add(n);
            nanos += n;
        }
    }

    @Test
    void runsAsFastAsPossibleByDefault() throws Exception {
        FakeWall wall = new FakeWall();
        World world = Worlds.create("smart_home", 1, Map.of());
        SimRunner runner = SimRunner.builder(world).wallClock(wall::now).sleeper(wall::sleep).build();
        double factor = runner.runFor(60);
        assertThat(world.clock().seconds()).isEqualTo(60.0);
        assertThat(wall.sleeps).isEmpty();
        assertThat(factor).isInfinite();
    }

    @Test
    void pacesSimTimeToWallTimeByTheFactor() throws Exception {
        FakeWall wall = new FakeWall();
        World world = Worlds.create("smart_home", 1, Map.of());
        SimRunner runner = SimRunner.builder(world).realtimeFactor(10).stepSeconds(1).wallClock(wall::now).sleeper(wall::sleep).build();
        double factor = runner.runFor(30);
        assertThat(wall.nanos).isEqualTo(3_000_000_000L);
        assertThat(wall.sleeps).hasSize(30).allMatch(n -> n == 100_000_000L);
        assertThat(factor).isEqualTo(10.0);
    }

    @Test
    void callsListenersAtTheirSimRate() throws Exception {
        World world = Worlds.create("warehouse", 1, Map.of());
        List<Double> times = new ArrayList<>();
        SimRunner runner = SimRunner.builder(world).listener(SimRunner.every(0.1, w -> times.add(w.clock().seconds()))).build();
        runner.runFor(0.5);
        assertThat(times).containsExactly(0.01, 0.11, 0.21, 0.31, 0.41);
    }

    @Test
    void runsUntilAConditionHoldsOrTheTimeoutPasses() throws Exception {
        World world = Worlds.create("smart_home", 1, Map.of());
        SimRunner runner = SimRunner.builder(world).build();
        Activity open = world.start("garage.open", Map.of());
        assertThat(runner.runUntil(open::done, 60)).isTrue();
        assertThat(world.clock().seconds()).isEqualTo(12.0);
        assertThat(runner.runUntil(() -> false, 5)).isFalse();
        assertThat(world.clock().seconds()).isEqualTo(17.0);
    }

    @Test
    void rejectsBadSettings() {
        World world = Worlds.create("tabletop", 1, Map.of());
        assertThatThrownBy(() -> SimRunner.builder(world).realtimeFactor(-1))
                .hasMessage("realtimeFactor must be ≥ 0 (0 = as fast as possible), got -1.0");
        assertThatThrownBy(() -> SimRunner.builder(world).stepSeconds(0)).hasMessage("stepSeconds must be > 0 s, got 0.0");
    }
}
