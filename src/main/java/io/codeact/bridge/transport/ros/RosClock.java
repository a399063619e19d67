package io.codeact.bridge.transport.ros;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * ROS time for one node ({@link RosNode#clock()}): wall-clock time, or — when the parameter
 * {@code /use_sim_time} is true as the node starts — the time published on {@code /clock}
 * ({@code rosgraph_msgs/Clock}), as rospy does. Until the first {@code /clock} message arrives sim time is
 * zero. An {@link InstantSource}, so code written against injected time runs on sim time unchanged.
 * Thread-safe.
 * <pre>{@code
 * Time stamp = node.clock().now();
 * boolean sim = node.clock().isSimulated();
 * }</pre>
 */
public final class RosClock implements InstantSource {
    private volatile boolean simulated;
    private volatile Time simTime = Time.ZERO;
    private RosSubscriber clockSubscriber;
    private final Object ticks = new Object();

    RosClock() {
    }

    /** A clock that always reads the wall clock, for code that runs without a node. */
    public static RosClock wall() {
        return new RosClock();
    }

    synchronized void followSimTime(RosNode node) {
        simulated = true;
        clockSubscriber = node.subscribe("/clock", "rosgraph_msgs/Clock", this::tick);
    }

    private void tick(Map<String, Object> message) {
        if (message.get("clock") instanceof Time t) {
            synchronized (ticks) {
                simTime = t;
                ticks.notifyAll();
            }
        }
    }

    /** Whether time comes from {@code /clock}. */
    public boolean isSimulated() {
        return simulated;
    }

    /** The current ROS time. */
    public Time now() {
        return simulated ? simTime : Time.of(Instant.now());
    }

    @Override
    public Instant instant() {
        return now().toInstant();
    }

    /**
     * Waits until ROS time reaches {@code time} (returns at once on wall time once it has passed).
     *
     * @return false if {@code wallTimeoutMs} of wall time passed first
     */
    public boolean awaitTime(Time time, long wallTimeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + wallTimeoutMs * 1_000_000L;
        synchronized (ticks) {
            while (now().toNanos() < time.toNanos()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (simulated) {
                    ticks.wait(Math.max(1, left / 1_000_000L));
                } else {
                    ticks.wait(Math.max(1, Math.min(left / 1_000_000L, (time.toNanos() - now().toNanos()) / 1_000_000L)));
                }
            }
        }
        return true;
    }

    synchronized void close() {
        if (clockSubscriber != null) {
            clockSubscriber.close();
            clockSubscriber = null;
        }
    }
}
