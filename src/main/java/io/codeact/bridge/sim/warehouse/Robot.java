package io.codeact.bridge.sim.warehouse;

import io.codeact.bridge.sim.internal.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One differential-drive robot: true pose and velocity, odometry, battery, the current motion and the
 * counters a task checks (collisions, distance, places visited). Moves only in {@link #tick}.
 */
final class Robot {
    private static final int PATH_LIMIT = 4000;

    final String name;
    final WarehouseScenario.RobotSpec spec;
    final Odometry odom;
    final Lidar lidar;
    double x;
    double y;
    double theta;
    double linear;
    double angular;
    double battery;
    double minBattery;
    Motion motion;
    /** Motions that have ended but whose activities wait for the robot to come to rest. */
    final List<Motion> finishing = new ArrayList<>();
    int collisions;
    String lastCollisionWith;
    double lastCollisionAt = Double.NaN;
    String motionCollidedWith;
    double distance;
    String dockedAt;
    final Map<String, Double> visited = new LinkedHashMap<>();
    final List<double[]> path = new ArrayList<>();
    private int pathStride = 1;
    private int pathCounter;
    private final double[] cmd = new double[2];

    Robot(WarehouseScenario.RobotStart start, WarehouseScenario.RobotSpec spec, Odometry odom, Lidar lidar) {
        this.name = start.name();
        this.spec = spec;
        this.odom = odom;
        this.lidar = lidar;
        this.x = start.x();
        this.y = start.y();
        this.theta = FloorMap.wrapPi(start.theta());
        this.battery = start.battery();
        this.minBattery = battery;
        path.add(new double[] {x, y});
    }

    boolean moving() {
        return Math.abs(linear) > 1e-9 || Math.abs(angular) > 1e-9;
    }

    boolean busy() {
        return motion != null || !finishing.isEmpty();
    }

    /** One physics tick of {@code dt} s at sim time {@code now}. */
    void tick(double dt, double now, FloorMap map, List<Robot> robots, WarehouseScenario scenario) {
        cmd[0] = 0;
        cmd[1] = 0;
        if (motion != null) {
            String status;
            if (motion.activity != null && motion.activity.pastDeadline()) {
                status = "timeout";
            } else if (motion.lease.expired()) {
                status = "lease_expired";
            } else if (battery <= 0) {
                status = "battery_empty";
            } else {
                status = motion.controller.command(this, motion.elapsed, cmd);
                motion.elapsed += dt;
            }
            if (status != null) {
                cmd[0] = 0;
                cmd[1] = 0;
                endMotion(status);
            }
        }
        double maxDv = spec.maxAcceleration() * dt;
        double maxDw = spec.maxAngularAcceleration() * dt;
        linear += Math.max(-maxDv, Math.min(maxDv, cmd[0] - linear));
        angular += Math.max(-maxDw, Math.min(maxDw, cmd[1] - angular));
        if (battery <= 0) {
            linear = 0;
            angular = 0;
        }
        if (moving()) {
            double ds = linear * dt;
            double dTheta = angular * dt;
            double mid = theta + dTheta / 2;
            double nx = x + ds * Math.cos(mid);
            double ny = y + ds * Math.sin(mid);
            String blocker = ds == 0 ? null : blockerAt(nx, ny, map, robots);
            if (blocker != null) {
                collide(blocker, now);
            } else {
                x = nx;
                y = ny;
                theta = FloorMap.wrapPi(theta + dTheta);
                distance += Math.abs(ds);
                odom.integrate(ds, dTheta);
                WarehouseScenario.BatterySpec b = scenario.battery();
                battery -= b.drainPerMeter() * Math.abs(ds) + b.drainPerRadian() * Math.abs(dTheta);
            }
        }
        WarehouseScenario.BatterySpec b = scenario.battery();
        battery -= b.idleDrain() * dt;
        dockedAt = moving() ? null : dockAt(scenario);
        if (dockedAt != null) {
            battery += b.chargeRate() * dt;
        }
        battery = Math.max(0, Math.min(100, battery));
        minBattery = Math.min(minBattery, battery);
        if (!finishing.isEmpty() && !moving()) {
            for (Motion m : finishing) {
                if (m.kind.equals("dock") && "docked".equals(m.status)) {
                    if (dockedAt == null) {
                        m.status = "missed_dock";
                    } else {
                        odom.reset(x, y, theta); // the dock's known pose corrects the drift
                    }
                }
                m.activity.finish(result(m, m.status, now));
            }
            finishing.clear();
        }
        visit(now, scenario);
        record();
    }

    /** Ends the current motion with a status; its activity completes once the robot is at rest. */
    void endMotion(String status) {
        if (motion == null) {
            return;
        }
        Motion ended = motion;
        motion = null;
        ended.status = status;
        if (ended.activity != null) {
            finishing.add(ended);
        }
    }

    /** Before a new motion: the running one ends as preempted, ended ones waiting for rest finish now. */
    void preempt(double now) {
        if (motion != null) {
            if (motion.activity != null) {
                motion.activity.finish(result(motion, "preempted", now));
            }
            motion = null;
        }
        for (Motion m : finishing) {
            m.activity.finish(result(m, m.status, now));
        }
        finishing.clear();
    }

    private void collide(String blocker, double now) {
        linear = 0;
        angular = 0;
        collisions++;
        lastCollisionWith = blocker;
        lastCollisionAt = now;
        motionCollidedWith = blocker;
        if (motion != null) {
            endMotion("collision");
        }
        for (Motion m : finishing) {
            m.status = "collision";
        }
    }

    private String blockerAt(double nx, double ny, FloorMap map, List<Robot> robots) {
        String wall = map.blockedBy(nx, ny, spec.radius());
        if (wall != null) {
            return wall;
        }
        double reach = 2 * spec.radius();
        for (Robot other : robots) {
            if (other != this) {
                double after = sq(other.x - nx) + sq(other.y - ny);
                if (after < reach * reach && after < sq(other.x - x) + sq(other.y - y)) {
                    return other.name; // blocked only while the gap closes, so robots in contact can part
                }
            }
        }
        return null;
    }

    private static double sq(double v) {
        return v * v;
    }

    private String dockAt(WarehouseScenario scenario) {
        double r = scenario.battery().dockRadius();
        for (WarehouseScenario.Dock d : scenario.docks()) {
            if (sq(d.x() - x) + sq(d.y() - y) <= r * r) {
                return d.name();
            }
        }
        return null;
    }

    private void visit(double now, WarehouseScenario scenario) {
        double r2 = scenario.visitRadius() * scenario.visitRadius();
        for (WarehouseScenario.Dock d : scenario.docks()) {
            if (sq(d.x() - x) + sq(d.y() - y) <= r2 && !visited.containsKey(d.name())) {
                visited.put(d.name(), Fields.round(now, 3));
            }
        }
        for (WarehouseScenario.Place p : scenario.places()) {
            if (sq(p.x() - x) + sq(p.y() - y) <= r2 && !visited.containsKey(p.name())) {
                visited.put(p.name(), Fields.round(now, 3));
            }
        }
    }

    private void record() {
        if (++pathCounter < pathStride * 10) {
            return;
        }
        pathCounter = 0;
        double[] last = path.get(path.size() - 1);
        if (Math.hypot(last[0] - x, last[1] - y) < 0.05) {
            return;
        }
        path.add(new double[] {x, y});
        if (path.size() >= PATH_LIMIT) {
            // keep every other point and sample half as often: bounded memory over any run length
            List<double[]> thinned = new ArrayList<>();
            for (int i = 0; i < path.size(); i += 2) {
                thinned.add(path.get(i));
            }
            path.clear();
            path.addAll(thinned);
            pathStride *= 2;
        }
    }

    /** The result map of a motion's activity. */
    Map<String, Object> result(Motion m, String status, double now) {
        Map<String, Object> r = Fields.of(
                "status", status,
                "robot", name,
                "odom", odomPose(),
                "distance", Fields.mm(distance - m.startDistance),
                "duration", Fields.mm(now - m.startedAt),
                "collision", "collision".equals(status),
                "collided_with", "collision".equals(status) ? motionCollidedWith : null,
                "battery", Fields.round(battery, 1));
        if (m.kind.equals("dock") && "docked".equals(status)) {
            r.put("dock", dockedAt);
        }
        return r;
    }

    Map<String, Object> odomPose() {
        return Fields.of("x", Fields.mm(odom.x()), "y", Fields.mm(odom.y()), "theta", Fields.mm(odom.theta()));
    }
}
