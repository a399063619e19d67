package io.codeact.bridge.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Measures each built-in world's realtime factor (simulated seconds per wall second) under a standard
 * workload, as fast as the CPU allows, on the calling thread. The anchor is real time itself, so the
 * ratio to the anchor is the factor.
 *
 * <ul>
 *   <li>warehouse: one robot driving go_to legs around the standard floor (battery drain off, so it
 *       drives the whole run), with a 360-beam lidar scan, an odometry read and a lease renewal at 10 Hz
 *       (what a controller does);</li>
 *   <li>tabletop: pick-and-place cycles between two spots with a camera detection at 10 Hz;</li>
 *   <li>smart home: every sensor read at 10 Hz, people drawn from the seed, the garage cycling.</li>
 * </ul>
 *
 * <pre>{@code
 * Map<String, SimBenchmark.Result> results = new SimBenchmark(600, System::nanoTime).run();
 * results.get("warehouse").realtimeFactor();
 * }</pre>
 */
public final class SimBenchmark {
    /** One world's measurement. */
    public record Result(String world, double simSeconds, double wallSeconds) {
        public double realtimeFactor() {
            return wallSeconds > 0 ? simSeconds / wallSeconds : Double.POSITIVE_INFINITY;
        }
    }

    /** A workload: starts commands on the world at 10 Hz of sim time. */
    @FunctionalInterface
    interface Workload {
        void poll(World world);
    }

    private final double simSeconds;
    private final LongSupplier wallNanos;

    /**
     * @param simSeconds sim time measured per world, after a warm-up of a fifth of it
     * @param wallNanos the wall clock
     */
    public SimBenchmark(double simSeconds, LongSupplier wallNanos) {
        if (!(simSeconds > 0)) {
            throw new IllegalArgumentException("simSeconds must be > 0, got " + simSeconds);
        }
        this.simSeconds = simSeconds;
        this.wallNanos = wallNanos;
    }

    /** Runs the three workloads in turn; results by world name, in order warehouse, tabletop, smart_home. */
    public Map<String, Result> run() {
        Map<String, Result> out = new LinkedHashMap<>();
        // no battery drain: the robot drives the whole run instead of stopping empty part-way
        Map<String, Object> noDrain = Map.of("battery", Map.of("idle_drain", 0, "drain_per_meter", 0, "drain_per_radian", 0));
        out.put("warehouse", measure("warehouse", noDrain, SimBenchmark::warehouseWorkload));
        out.put("tabletop", measure("tabletop", Map.of(), SimBenchmark::tabletopWorkload));
        out.put("smart_home", measure("smart_home", Map.of("random_presence", Map.of("horizon", 1e6, "mean_interval", 300)),
                SimBenchmark::smartHomeWorkload));
        return out;
    }

    private Result measure(String name, Map<String, ?> scenario, java.util.function.Supplier<Workload> workload) {
        runOnce(Worlds.create(name, 1, scenario), workload.get(), simSeconds / 5);
        World world = Worlds.create(name, 2, scenario);
        Workload load = workload.get();
        long start = wallNanos.getAsLong();
        runOnce(world, load, simSeconds);
        double wall = (wallNanos.getAsLong() - start) / 1e9;
        return new Result(name, world.clock().seconds(), wall);
    }

    private static void runOnce(World world, Workload load, double seconds) {
        SimRunner runner = SimRunner.builder(world).listener(SimRunner.every(0.1, load::poll)).build();
        try {
            runner.runFor(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark of " + world.name() + " interrupted", e);
        }
    }

    static Workload warehouseWorkload() {
        List<double[]> legs = List.of(new double[] {2, 10.5}, new double[] {2, 6.5}, new double[] {18, 6.5},
                new double[] {18, 1.5}, new double[] {11.3, 1.5}, new double[] {11.3, 6.5}, new double[] {2, 6.5});
        return new Workload() {
            private Activity leg;
            private int next;

            @Override
            public void poll(World w) {
                w.start("lidar.scan", Map.of());
                w.start("odom.pose", Map.of());
                if (leg == null || leg.done()) {
                    double[] p = legs.get(next++ % legs.size());
                    leg = w.start("base.go_to", Map.of("x", p[0], "y", p[1]));
                } else {
                    leg.renewLease();
                }
            }
        };
    }

    static Workload tabletopWorkload() {
        List<Map<String, Object>> cycle = List.of(
                Map.of("x", 0.55, "y", 0.0, "z", 0.2), Map.of("x", 0.55, "y", 0.0, "z", 0.02), Map.of("close", true),
                Map.of("x", 0.55, "y", 0.0, "z", 0.2), Map.of("x", 0.3, "y", -0.3, "z", 0.2), Map.of("open", true),
                Map.of("x", 0.3, "y", -0.3, "z", 0.02), Map.of("close", true), Map.of("x", 0.3, "y", -0.3, "z", 0.2),
                Map.of("x", 0.55, "y", 0.0, "z", 0.2), Map.of("open", true));
        return new Workload() {
            private Activity move;
            private int next;

            @Override
            public void poll(World w) {
                w.start("camera.detect", Map.of());
                if (move != null && !move.done()) {
                    move.renewLease();
                    return;
                }
                Map<String, Object> step = cycle.get(next++ % cycle.size());
                if (step.containsKey("close")) {
                    w.start("gripper.close", Map.of());
                } else if (step.containsKey("open")) {
                    w.start("gripper.open", Map.of());
                } else {
                    move = w.start("arm.move_to", step);
                }
            }
        };
    }

    static Workload smartHomeWorkload() {
        return new Workload() {
            private int polls;

            @Override
            public void poll(World w) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> sensors = (List<Map<String, Object>>) w.start("sensor.list", Map.of()).result().get("sensors");
                for (Map<String, Object> s : sensors) {
                    w.start("sensor.read", Map.of("name", s.get("name")));
                }
                w.start("presence.who_is_home", Map.of());
                if (++polls % 300 == 0) {
                    w.start(polls % 600 == 0 ? "garage.close" : "garage.open", Map.of());
                    w.start("thermostat.set", Map.of("setpoint", polls % 600 == 0 ? 19.0 : 22.0));
                }
            }
        };
    }
}
