package io.codeact.bridge.node;

import static org.junit.jupiter.api.Assertions.fail;

import io.codeact.bridge.sim.World;
import java.util.Map;
import java.util.function.Supplier;

/** Reads the warehouse robot's ground truth for tests. */
final class Worlds {
    private Worlds() {}

    /** The ground-truth state of robot r1: x, y, linear, angular, … */
    static Map<?, ?> r1(World world) {
        synchronized (world) {
            return (Map<?, ?>) ((Map<?, ?>) world.state().get("robots")).get("r1");
        }
    }

    static boolean moving(World world) {
        Map<?, ?> r1 = r1(world);
        return ((Number) r1.get("linear")).doubleValue() != 0 || ((Number) r1.get("angular")).doubleValue() != 0;
    }

    /** Waits (polling the simulated world, which has no events to await) until the condition holds. */
    static void await(String what, int seconds, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail(what + " did not happen within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }
}
