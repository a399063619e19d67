package io.codeact.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimBenchmarkTest {
    @Test
    void measuresEveryWorldOverTheAskedSimTime() {
        long[] fake = {0};
        // each wall-clock read moves a millisecond: the factor is then a pure function of the reads
        Map<String, SimBenchmark.Result> results = new SimBenchmark(10, () -> fake[0] += 1_000_000).run();
        assertThat(results).containsOnlyKeys("warehouse", "tabletop", "smart_home");
        results.values().forEach(r -> {
            assertThat(r.simSeconds()).isEqualTo(10.0);
            assertThat(r.wallSeconds()).isEqualTo(0.001);
            assertThat(r.realtimeFactor()).isEqualTo(10_000.0, org.assertj.core.api.Assertions.within(1e-6));
        });
    }

    @Test
    void theWarehouseWorkloadKeepsTheRobotDriving() {
        World w = Worlds.create("warehouse", 1, Map.of("battery", Map.of("idle_drain", 0, "drain_per_meter", 0, "drain_per_radian", 0)));
        SimRunner.StepListener load = SimRunner.every(0.1, SimBenchmark.warehouseWorkload()::poll);
        for (int i = 0; i < 6000; i++) {
            w.step(0.01);
            load.afterStep(w);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> r1 = (Map<String, Object>) ((Map<String, Object>) w.state().get("robots")).get("r1");
        assertThat((double) r1.get("distance")).isGreaterThan(20);
        assertThat(r1.get("collisions")).isEqualTo(0);
    }
}
