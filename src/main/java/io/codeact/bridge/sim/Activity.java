package io.codeact.bridge.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command in progress in a {@link World}: a drive, a move of the arm, a garage door opening. It
 * completes inside {@link World#step} (in sim time) and then holds its result map, which always has
 * a {@code "status"} entry ({@code "done"}, {@code "reached"}, {@code "collision"}, {@code
 * "lease_expired"}, {@code "timeout"}, {@code "preempted"}, ...). Commands that take no time
 * return an activity that is already done.
 *
 * <p>Motion activities hold a <em>lease</em>: unless {@link #renewLease()} is called (or the
 * {@code motion.renew} command sent) before it runs out, the device stops by itself and the activity
 * ends with status {@code "lease_expired"}. {@link World#await} renews it while it waits, because a
 * caller blocked on the activity is the live controller.
 *
 * <pre>{@code
 * Activity drive = world.start("base.drive", Map.of("linear", 0.5, "duration", 2.0));
 * while (!drive.done()) { drive.renewLease(); world.step(0.1); }
 * drive.result().get("status");   // "done"
 * }</pre>
 */
public interface Activity {
    /** The API that started it, e.g. {@code base.go_to}. */
    String api();

    /** Whether it has finished (successfully or not). */
    boolean done();

    /**
     * The result map (JSON-friendly: numbers, strings, booleans, lists, maps, nulls).
     *
     * @throws IllegalStateException while the activity is still running
     */
    Map<String, Object> result();

    /** Keeps the motion lease alive for one more lease period; does nothing for activities without one. */
    void renewLease();

    /**
     * Sim-time seconds after which the world gives up on it at the latest (it ends with status
     * {@code "timeout"}); {@code 0} for an activity that was done at once.
     */
    double timeoutSeconds();

    /** An activity that finished when it started (a read, a light switch). */
    static Activity completed(String api, Map<String, Object> result) {
        Map<String, Object> copy = new LinkedHashMap<>(result);
        return new Activity() {
            @Override
            public String api() {
                return api;
            }

            @Override
            public boolean done() {
                return true;
            }

            @Override
            public Map<String, Object> result() {
                return copy;
            }

            @Override
            public void renewLease() {}

            @Override
            public double timeoutSeconds() {
                return 0;
            }

            @Override
            public String toString() {
                return api + " " + copy;
            }
        };
    }
}
