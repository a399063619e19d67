package io.codeact.bridge.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Runs a {@link World} on the calling thread: as fast as the CPU allows, or paced to wall time by a
 * realtime factor (1 = real time, 10 = ten sim seconds per wall second). Listeners run after every
 * step (to publish telemetry, sample plots, drive a workload); {@link #every} thins them to a sim-time
 * rate. Has no thread of its own; interrupt the calling thread to stop a paced run.
 *
 * <pre>{@code
 * SimRunner runner = SimRunner.builder(world)
 *         .realtimeFactor(1.0)
 *         .listener(SimRunner.every(0.1, w -> publish(w.telemetry())))
 *         .build();
 * runner.runFor(60);   // one simulated minute, about one wall minute
 * }</pre>
 */
public final class SimRunner {
    /** Called after each step, on the runner's thread. */
    @FunctionalInterface
    public interface StepListener {
        void afterStep(World world);
    }

    /** Waits on the wall clock; injected so tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final World world;
    private final double stepSeconds;
    private final double realtimeFactor;
    private final LongSupplier wallNanos;
    private final Sleeper sleeper;
    private final List<StepListener> listeners;

    private SimRunner(Builder b) {
        this.world = b.world;
        this.stepSeconds = b.stepSeconds > 0 ? b.stepSeconds : b.world.tickSeconds();
        this.realtimeFactor = b.realtimeFactor;
        this.wallNanos = b.wallNanos;
        this.sleeper = b.sleeper;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder(World world) {
        return new Builder(world);
    }

    /** A listener that passes on at most once per {@code periodSeconds} of sim time (first at the first step). */
    public static StepListener every(double periodSeconds, StepListener inner) {
        long period = SimClock.toNanos(periodSeconds);
        return new StepListener() {
            private long next = Long.MIN_VALUE;

            @Override
            public void afterStep(World w) {
                long now = w.clock().nanos();
                if (now >= next) {
                    next = (next == Long.MIN_VALUE ? now : next) + period;
                    inner.afterStep(w);
                }
            }
        };
    }

    public World world() {
        return world;
    }

    /**
     * Runs {@code simSeconds} of sim time.
     *
     * @return the achieved realtime factor (sim seconds per wall second; infinite if no wall time passed)
     * @throws InterruptedException if the thread is interrupted while pacing
     */
    public double runFor(double simSeconds) throws InterruptedException {
        long end = world.clock().nanos() + SimClock.toNanos(simSeconds);
        return run(() -> world.clock().nanos() >= end, Double.POSITIVE_INFINITY).factor;
    }

    /**
     * Runs until {@code condition} holds (checked before each step) or {@code timeoutSeconds} of sim time pass.
     *
     * @return whether the condition held
     * @throws InterruptedException if the thread is interrupted while pacing
     */
    public boolean runUntil(BooleanSupplier condition, double timeoutSeconds) throws InterruptedException {
        return run(condition, timeoutSeconds).met;
    }

    private record Outcome(boolean met, double factor) {}

    private Outcome run(BooleanSupplier condition, double timeoutSeconds) throws InterruptedException {
        long simStart = world.clock().nanos();
        long deadline = Double.isInfinite(timeoutSeconds) ? Long.MAX_VALUE : simStart + SimClock.toNanos(timeoutSeconds);
        long wallStart = wallNanos.getAsLong();
        boolean met;
        while (true) {
            if (condition.getAsBoolean()) {
                met = true;
                break;
            }
            if (world.clock().nanos() >= deadline) {
                met = false;
                break;
            }
            world.step(stepSeconds);
            for (StepListener l : listeners) {
                l.afterStep(world);
            }
            if (realtimeFactor > 0) {
                long simElapsed = world.clock().nanos() - simStart;
                long due = wallStart + (long) (simElapsed / realtimeFactor);
                long wait = due - wallNanos.getAsLong();
                if (wait > 0) {
                    sleeper.sleepNanos(wait);
                } else if (Thread.interrupted()) {
                    throw new InterruptedException("sim run of " + world.name() + " interrupted at t=" + world.clock().seconds() + " s");
                }
            }
        }
        double wall = (wallNanos.getAsLong() - wallStart) / 1e9;
        double sim = (world.clock().nanos() - simStart) / 1e9;
        return new Outcome(met, wall > 0 ? sim / wall : Double.POSITIVE_INFINITY);
    }

    /** Configures a {@link SimRunner}. */
    public static final class Builder {
        private final World world;
        private double stepSeconds;
        private double realtimeFactor;
        private LongSupplier wallNanos = System::nanoTime;
        private Sleeper sleeper = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        private final List<StepListener> listeners = new ArrayList<>();

        private Builder(World world) {
            this.world = world;
        }

        /** Sim seconds per step (default: the world's tick). */
        public Builder stepSeconds(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("stepSeconds must be > 0 s, got " + seconds);
            }
            this.stepSeconds = seconds;
            return this;
        }

        /** Sim seconds per wall second; 0 (the default) runs as fast as the CPU allows. */
        public Builder realtimeFactor(double factor) {
            if (!(factor >= 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("realtimeFactor must be ≥ 0 (0 = as fast as possible), got " + factor);
            }
            this.realtimeFactor = factor;
            return this;
        }

        /** The wall clock in nanoseconds (default {@link System#nanoTime}). */
        public Builder wallClock(LongSupplier nanos) {
            this.wallNanos = nanos;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public Builder listener(StepListener listener) {
            listeners.add(listener);
            return this;
        }

        public SimRunner build() {
            return new SimRunner(this);
        }
    }
}
