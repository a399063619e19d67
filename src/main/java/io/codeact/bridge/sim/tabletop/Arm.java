package io.codeact.bridge.sim.tabletop;

import io.codeact.bridge.sim.internal.MotionLease;
import io.codeact.bridge.sim.internal.RunningActivity;

/** The arm's gripper tip (m), its current straight-line move, and what the gripper holds. */
final class Arm {
    double x;
    double y;
    double z;
    // the current move
    double tx;
    double ty;
    double tz;
    double speed;
    MotionLease lease;
    RunningActivity activity;
    // the gripper
    boolean closed;
    Block held;
    double offX;
    double offY;
    double offZ;

    boolean moving() {
        return activity != null;
    }
}
