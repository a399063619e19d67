package io.codeact.bridge.sim.internal;

import io.codeact.bridge.sim.SimClock;

/**
 * Turns {@code step(dt)} calls into whole physics ticks: keeps the remainder shorter than a tick for
 * the next call, so the way a caller slices time never changes the result.
 */
public final class Ticker {
    private final SimClock clock;
    private final long tickNanos;
    private long pendingNanos;

    public Ticker(SimClock clock, double tickSeconds) {
        this.clock = clock;
        this.tickNanos = SimClock.toNanos(tickSeconds);
        if (tickNanos <= 0) {
            throw new IllegalArgumentException("tick must be > 0 s, got " + tickSeconds);
        }
    }

    public double tickSeconds() {
        return tickNanos / 1e9;
    }

    /** Advances the clock tick by tick, running {@code tick} after each advance. */
    public void advance(String world, double dtSeconds, Runnable tick) {
        if (!(dtSeconds >= 0) || Double.isInfinite(dtSeconds)) {
            throw new IllegalArgumentException(world + ": step(dtSeconds) needs a finite time ≥ 0 s, got " + dtSeconds);
        }
        pendingNanos += SimClock.toNanos(dtSeconds);
        while (pendingNanos >= tickNanos) {
            pendingNanos -= tickNanos;
            clock.advance(tickNanos);
            tick.run();
        }
    }

    /** Forgets any remainder (on reset). */
    public void reset() {
        pendingNanos = 0;
    }
}
