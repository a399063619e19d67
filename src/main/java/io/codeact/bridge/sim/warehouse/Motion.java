package io.codeact.bridge.sim.warehouse;

import io.codeact.bridge.sim.internal.MotionLease;
import io.codeact.bridge.sim.internal.RunningActivity;

/**
 * One motion of a robot's base: a controller that sets the commanded velocity each tick, the lease
 * that keeps it alive and, for blocking commands, the activity it finishes.
 */
final class Motion {
    /** Sets {@code cmd[0]} (m/s) and {@code cmd[1]} (rad/s); returns a final status, or null to go on. */
    @FunctionalInterface
    interface Controller {
        String command(Robot robot, double elapsed, double[] cmd);
    }

    final String kind;
    final Controller controller;
    final MotionLease lease;
    final RunningActivity activity;
    final double startedAt;
    final double startDistance;
    double elapsed;
    /** The final status once the motion has ended (its activity may still wait for the robot to rest). */
    String status;

    Motion(String kind, Controller controller, MotionLease lease, RunningActivity activity, double startedAt, double startDistance) {
        this.kind = kind;
        this.controller = controller;
        this.lease = lease;
        this.activity = activity;
        this.startedAt = startedAt;
        this.startDistance = startDistance;
    }
}
