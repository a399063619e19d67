package io.codeact.bridge.sim.internal;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.SimClock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link Activity} a world finishes from its tick: it has a sim-time deadline the world enforces
 * and, for motions, a {@link MotionLease}. Only the first {@link #finish} counts.
 */
public final class RunningActivity implements Activity {
    private final String api;
    private final SimClock clock;
    private final double timeoutSeconds;
    private final long deadlineNanos;
    private final MotionLease lease;
    private Map<String, Object> result;

    /**
     * @param lease the motion's lease, or {@code null} for activities that are not motions
     */
    public RunningActivity(String api, SimClock clock, double timeoutSeconds, MotionLease lease) {
        this.api = api;
        this.clock = clock;
        this.timeoutSeconds = timeoutSeconds;
        this.deadlineNanos = clock.nanos() + SimClock.toNanos(timeoutSeconds);
        this.lease = lease;
    }

    @Override
    public String api() {
        return api;
    }

    @Override
    public boolean done() {
        return result != null;
    }

    @Override
    public Map<String, Object> result() {
        if (result == null) {
            throw new IllegalStateException(api + " is still running at t=" + clock.seconds() + " s; step the world until done()");
        }
        return result;
    }

    @Override
    public void renewLease() {
        if (lease != null && result == null) {
            lease.renew();
        }
    }

    @Override
    public double timeoutSeconds() {
        return timeoutSeconds;
    }

    /** The motion lease, or {@code null}. */
    public MotionLease lease() {
        return lease;
    }

    public boolean pastDeadline() {
        return clock.nanos() >= deadlineNanos;
    }

    public boolean leaseExpired() {
        return lease != null && lease.expired();
    }

    /** Ends the activity with this result (a {@code status} entry first); later calls are ignored. */
    public void finish(Map<String, Object> result) {
        if (this.result == null) {
            this.result = Collections.unmodifiableMap(new LinkedHashMap<>(result));
        }
    }

    @Override
    public String toString() {
        return api + (result == null ? " running" : " " + result);
    }
}
