package io.codeact.bridge.sim;

import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A simulated world: devices, their physics and their sensors, on a {@link SimClock} that only
 * {@link #step} moves. Deterministic: the same scenario, seed and sequence of calls give the same
 * state and the same sensor readings. A world has no threads of its own and is not thread-safe; the
 * one thread that owns it (a test, an in-process binding, a {@link SimRunner}) makes every call.
 *
 * <p>Devices are driven by API name, the same names the tool declarations use ({@code base.drive},
 * {@code arm.move_to}, {@code light.set}), with argument maps of JSON-like values (numbers, strings,
 * booleans, lists, maps; {@code null} means "not given"). Commands that take time set targets that
 * {@code step} integrates and return an {@link Activity}; {@link #command} is the blocking form that
 * runs sim time until the activity ends.
 *
 * <pre>{@code
 * World world = Worlds.create("warehouse", 7, Map.of());
 * Map<String, Object> r = world.command("base.go_to", Map.of("x", 4.0, "y", 2.0));
 * r.get("status");                         // "reached" or "collision"
 * world.state();                           // ground truth for success checks and plots
 * }</pre>
 */
public interface World {
    /** The world kind, e.g. {@code warehouse}, {@code tabletop}, {@code smart_home}. */
    String name();

    /** The seed of the current run (noise, random scenario parts, scripted people). */
    long seed();

    /** The sim clock this world advances. */
    SimClock clock();

    /** The physics tick in seconds: time moves in whole ticks. */
    double tickSeconds();

    /** The API names {@link #start} accepts, in a stable order. */
    Set<String> apis();

    /**
     * Starts a command and returns at once: instant commands come back done, timed ones running.
     * A new motion command preempts the device's current one (which ends with {@code "preempted"}).
     *
     * @throws SimCommandException for an unknown API, a bad argument or an impossible request; the
     *     world is then unchanged
     */
    Activity start(String api, Map<String, ?> args);

    /**
     * Advances sim time by {@code dtSeconds}, in whole ticks; a remainder shorter than a tick is kept
     * and added to the next step, so {@code step(1.0)} equals ten {@code step(0.1)}.
     *
     * @throws IllegalArgumentException if {@code dtSeconds} is negative or not finite
     */
    void step(double dtSeconds);

    /**
     * Halts every actuator now (bases, arm, garage door), whatever is running: the emergency stop.
     * Never refused, takes no sim time to be commanded; running activities end with status
     * {@code "stopped"}. Motors may still coast to rest in the following ticks, as real ones do.
     *
     * @param reason who or what stopped it, recorded in the results of the activities it ends
     * @return what was halted, JSON-friendly: {@code {"halted": [...], "reason": ...}}
     */
    Map<String, Object> halt(String reason);

    /** Full ground truth (true poses, hidden positions, counters) as JSON-friendly maps: for checks and plots. */
    Map<String, Object> state();

    /** What the real sensors would publish now, with their noise, keyed by stream ({@code r1/odom}). */
    Map<String, Object> telemetry();

    /** Back to the scenario's initial state at sim time zero, with a new seed. */
    void reset(long seed);

    /** Back to the initial state with the current seed. */
    default void reset() {
        reset(seed());
    }

    /**
     * Starts a command and runs sim time until it ends: the blocking call an in-process binding makes
     * for {@code base.go_to(x, y)}. Renews the activity's lease while waiting.
     *
     * @throws SimCommandException as {@link #start} does
     */
    default Map<String, Object> command(String api, Map<String, ?> args) {
        return await(start(api, args));
    }

    /**
     * Steps one tick at a time until the activity is done, renewing its lease (the caller is the live
     * controller), and returns its result.
     *
     * @throws IllegalStateException if the world lets the activity run past its own timeout (a bug)
     */
    default Map<String, Object> await(Activity activity) {
        long limit = clock().nanos() + SimClock.toNanos(activity.timeoutSeconds() + 1.0);
        while (!activity.done()) {
            if (clock().nanos() > limit) {
                throw new IllegalStateException(name() + ": " + activity.api()
                        + " is still running past its timeout of " + activity.timeoutSeconds() + " s");
            }
            activity.renewLease();
            step(tickSeconds());
        }
        return activity.result();
    }

    /**
     * Steps one tick at a time until {@code condition} holds or {@code timeoutSeconds} of sim time
     * have passed. Renews nothing: a running motion whose lease is not renewed stops.
     *
     * @return whether the condition held (it is checked before the first step)
     */
    default boolean runUntil(BooleanSupplier condition, double timeoutSeconds) {
        long deadline = clock().nanos() + SimClock.toNanos(timeoutSeconds);
        while (!condition.getAsBoolean()) {
            if (clock().nanos() >= deadline) {
                return false;
            }
            step(tickSeconds());
        }
        return true;
    }
}
