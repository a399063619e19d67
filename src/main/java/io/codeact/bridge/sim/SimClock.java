package io.codeact.bridge.sim;

import java.time.Instant;
import java.time.InstantSource;

/**
 * Simulated time: nanoseconds since the world started, advanced only by the world that owns it (in
 * whole physics ticks, see {@link World#step}). Reading it never moves it.
 *
 * <p>It is an {@link InstantSource} (epoch + sim time) so code that takes injected time (leases,
 * telemetry stores, episode logs) runs unchanged on sim time. Not thread-safe: the thread that steps
 * the world reads the clock; other threads must go through whoever owns the world.
 *
 * <pre>{@code
 * SimClock clock = world.clock();
 * world.step(0.5);
 * clock.seconds();   // 0.5
 * }</pre>
 */
public final class SimClock implements InstantSource {
    private final Instant epoch;
    private long nanos;

    /** A clock at sim time zero whose {@link #instant()} starts at {@code epoch}. */
    public SimClock(Instant epoch) {
        this.epoch = epoch;
    }

    /** A clock at sim time zero whose instants start at the Unix epoch. */
    public SimClock() {
        this(Instant.EPOCH);
    }

    /** Sim time since start, in nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /** Sim time since start, in seconds. */
    public double seconds() {
        return nanos / 1e9;
    }

    @Override
    public Instant instant() {
        return epoch.plusNanos(nanos);
    }

    /**
     * Moves time forward; only the world that owns the clock calls this.
     *
     * @throws IllegalArgumentException if {@code dtNanos} is negative (sim time never goes back)
     */
    public void advance(long dtNanos) {
        if (dtNanos < 0) {
            throw new IllegalArgumentException("sim time cannot go back: advance(" + dtNanos + " ns)");
        }
        nanos += dtNanos;
    }

    /** Back to sim time zero (on {@link World#reset}). */
    public void reset() {
        nanos = 0;
    }

    /** Seconds to whole nanoseconds, rounded. */
    public static long toNanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    @Override
    public String toString() {
        return "SimClock[t=" + seconds() + " s]";
    }
}
