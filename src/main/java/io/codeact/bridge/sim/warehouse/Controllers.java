package io.codeact.bridge.sim.warehouse;

/**
 * The base's motion controllers: constant velocity for a time, and go-to-pose (turn, drive, turn),
 * with speed profiles that brake in time under the robot's acceleration limits.
 */
final class Controllers {
    private Controllers() {}

    /** Holds (linear, angular) for {@code duration} s (infinite for a streamed velocity). */
    static Motion.Controller velocity(double linear, double angular, double duration) {
        return (robot, elapsed, cmd) -> {
            if (elapsed >= duration) {
                return "done";
            }
            cmd[0] = linear;
            cmd[1] = angular;
            return null;
        };
    }

    /**
     * Goes to (x, y) and optionally faces {@code theta}: turn towards the goal, drive with heading
     * correction, turn to the final heading. {@code useTruth} steers on the true pose (a dock's beacon)
     * instead of odometry.
     */
    static Motion.Controller goTo(double x, double y, Double theta, double speed, double tolerance, boolean useTruth,
                                  String reachedStatus) {
        return new Motion.Controller() {
            private int phase; // 0 turn to goal, 1 drive, 2 final heading

            @Override
            public String command(Robot r, double elapsed, double[] cmd) {
                double px = useTruth ? r.x : r.odom.x();
                double py = useTruth ? r.y : r.odom.y();
                double pt = useTruth ? r.theta : r.odom.theta();
                double dx = x - px;
                double dy = y - py;
                double dist = Math.hypot(dx, dy);
                double maxW = r.spec.maxAngularSpeed();
                double aW = r.spec.maxAngularAcceleration();
                if (phase < 2 && dist <= tolerance) {
                    phase = 2;
                }
                if (phase == 0) {
                    double err = FloorMap.wrapPi(Math.atan2(dy, dx) - pt);
                    if (Math.abs(err) > 0.02) {
                        cmd[0] = 0;
                        cmd[1] = Math.copySign(Math.min(maxW, Math.sqrt(2 * aW * Math.abs(err)) * 0.9), err);
                        return null;
                    }
                    phase = 1;
                }
                if (phase == 1) {
                    double err = FloorMap.wrapPi(Math.atan2(dy, dx) - pt);
                    if (Math.abs(err) > 0.6) {
                        phase = 0; // overshot or pushed aside: turn again
                        cmd[0] = 0;
                        cmd[1] = 0;
                        return null;
                    }
                    double brake = Math.sqrt(2 * r.spec.maxAcceleration() * Math.max(0, dist - tolerance * 0.5)) * 0.9;
                    cmd[0] = Math.min(speed, brake) * Math.max(0, Math.cos(err));
                    cmd[1] = Math.max(-maxW, Math.min(maxW, 2.5 * err));
                    return null;
                }
                if (theta != null) {
                    double err = FloorMap.wrapPi(theta - pt);
                    if (Math.abs(err) > 0.02) {
                        cmd[0] = 0;
                        cmd[1] = Math.copySign(Math.min(maxW, Math.sqrt(2 * aW * Math.abs(err)) * 0.9), err);
                        return null;
                    }
                }
                cmd[0] = 0;
                cmd[1] = 0;
                return reachedStatus;
            }
        };
    }
}
