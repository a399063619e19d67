package io.codeact.bridge.sim.internal;

import io.codeact.bridge.sim.SimClock;

/**
 * A deadman lease on one motion: it expires {@code period} seconds of sim time after it was taken or
 * last renewed, and the device then stops by itself.
 */
public final class MotionLease {
    private final SimClock clock;
    private long periodNanos;
    private long expiresAtNanos;

    public MotionLease(SimClock clock, double periodSeconds) {
        this.clock = clock;
        this.periodNanos = SimClock.toNanos(periodSeconds);
        renew();
    }

    /** Extends the lease by one period from now. */
    public void renew() {
        expiresAtNanos = clock.nanos() + periodNanos;
    }

    /** Changes the period and extends the lease by it from now. */
    public void renew(double periodSeconds) {
        periodNanos = SimClock.toNanos(periodSeconds);
        renew();
    }

    public boolean expired() {
        return clock.nanos() >= expiresAtNanos;
    }

    public double periodSeconds() {
        return periodNanos / 1e9;
    }

    /** Sim time (s) at which it expires unless renewed. */
    public double expiresAt() {
        return expiresAtNanos / 1e9;
    }
}
