package io.codeact.bridge.sim.tabletop;

import io.codeact.bridge.sim.internal.MotionLease;
import io.codeact.bridge.sim.internal.RunningActivity;
import java.util.ArrayList;
import java.util.List;

/**
 * The arm's gripper tip (m), its current straight-line move, what the gripper holds, and the path the tip
 * has taken (for plots): sampled every {@value #PATH_TICKS} ticks while moving and at the end of every move,
 * bounded to {@value #PATH_LIMIT} points by keeping every other point and sampling half as often.
 */
final class Arm {
    static final int PATH_TICKS = 5;
    static final int PATH_LIMIT = 2000;
    private static final double PATH_MIN_STEP = 0.005;

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

    /** Tip positions {@code [x, y, z]} since the reset, oldest first. */
    final List<double[]> path = new ArrayList<>();
    private int pathStride = 1;
    private int pathCounter;

    boolean moving() {
        return activity != null;
    }

    void resetPath() {
        path.clear();
        path.add(new double[] {x, y, z});
        pathStride = 1;
        pathCounter = 0;
    }

    /** Called after every tick of motion; {@code force} at the end of a move keeps its corner exact. */
    void recordPath(boolean force) {
        if (!force && ++pathCounter < pathStride * PATH_TICKS) {
            return;
        }
        pathCounter = 0;
        double[] last = path.get(path.size() - 1);
        double d = Math.sqrt((last[0] - x) * (last[0] - x) + (last[1] - y) * (last[1] - y) + (last[2] - z) * (last[2] - z));
        if (d < (force ? 1e-6 : PATH_MIN_STEP)) {
            return;
        }
        path.add(new double[] {x, y, z});
        if (path.size() >= PATH_LIMIT) {
            // every other point, sampled half as often: bounded memory over any run length
            List<double[]> thinned = new ArrayList<>();
            for (int i = 0; i < path.size(); i += 2) {
                thinned.add(path.get(i));
            }
            thinned.add(path.get(path.size() - 1));
            path.clear();
            path.addAll(thinned);
            pathStride *= 2;
        }
    }
}
