package io.codeact.bridge.sim.warehouse;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.internal.CommandArgs;
import io.codeact.bridge.sim.internal.CommandTable;
import io.codeact.bridge.sim.internal.Fields;
import io.codeact.bridge.sim.internal.MotionLease;
import io.codeact.bridge.sim.internal.RunningActivity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The warehouse's commands: argument checks, then motions or readings. */
final class WarehouseApi {
    private static final double DOCK_REACH = 1.5;

    private final WarehouseWorld w;

    WarehouseApi(WarehouseWorld world) {
        this.w = world;
    }

    CommandTable table() {
        return new CommandTable("warehouse")
                .add("base.drive", List.of("linear", "angular", "duration", "lease", "robot"), this::drive)
                .add("base.set_velocity", List.of("linear", "angular", "lease", "robot"), this::setVelocity)
                .add("base.go_to", List.of("x", "y", "theta", "speed", "tolerance", "timeout", "lease", "robot"), this::goTo)
                .add("base.stop", List.of("robot"), this::stop)
                .add("base.status", List.of("robot"), this::status)
                .add("motion.renew", List.of("lease", "robot"), this::renew)
                .add("odom.pose", List.of("robot"), this::odomPose)
                .add("lidar.scan", List.of("robot"), this::scan)
                .add("battery.level", List.of("robot"), this::battery)
                .add("dock.list", List.of(), this::docks)
                .add("dock.nearest", List.of("robot"), this::nearestDock)
                .add("dock.dock", List.of("name", "robot"), this::dock)
                .add("dock.undock", List.of("robot"), this::undock)
                .add("map.places", List.of("kind"), this::places)
                .add("map.place", List.of("name"), this::place)
                .add("map.info", List.of(), this::mapInfo);
    }

    private Robot robot(CommandArgs a) {
        if (a.has("robot")) {
            Robot r = w.byName.get(a.text("robot"));
            if (r == null) {
                throw a.bad("unknown robot '" + a.text("robot") + "'; robots here: " + String.join(", ", w.byName.keySet()));
            }
            return r;
        }
        if (w.robots.size() == 1) {
            return w.robots.get(0);
        }
        throw a.bad("this warehouse has " + w.robots.size() + " robots (" + String.join(", ", w.byName.keySet())
                + "); say which one with robot=");
    }

    private double now() {
        return w.clock().seconds();
    }

    private double lease(CommandArgs a) {
        return a.number("lease", w.scenario().leaseSeconds(), 0.05, 600, "s");
    }

    private Activity startMotion(CommandArgs a, Robot r, String kind, Motion.Controller controller, double lease,
                                 double timeout, boolean blocking) {
        if (r.battery <= 0) {
            throw a.impossible("the battery of " + r.name + " is empty (0 %), so it cannot move; "
                    + "a robot charges only while it rests on a dock");
        }
        r.preempt(now());
        MotionLease motionLease = new MotionLease(w.clock(), lease);
        RunningActivity activity = blocking ? new RunningActivity(a.api(), w.clock(), timeout, motionLease) : null;
        r.motion = new Motion(kind, controller, motionLease, activity, now(), r.distance);
        return activity;
    }

    private Activity drive(CommandArgs a) {
        Robot r = robot(a);
        double v = a.number("linear", -r.spec.maxSpeed(), r.spec.maxSpeed(), "m/s");
        double om = a.number("angular", 0, -r.spec.maxAngularSpeed(), r.spec.maxAngularSpeed(), "rad/s");
        double duration = a.number("duration", 0, 600, "s");
        double stopTime = r.spec.maxSpeed() / r.spec.maxAcceleration() + r.spec.maxAngularSpeed() / r.spec.maxAngularAcceleration();
        return startMotion(a, r, "drive", Controllers.velocity(v, om, duration), lease(a), duration + stopTime + 5, true);
    }

    private Activity setVelocity(CommandArgs a) {
        Robot r = robot(a);
        double v = a.number("linear", -r.spec.maxSpeed(), r.spec.maxSpeed(), "m/s");
        double om = a.number("angular", 0, -r.spec.maxAngularSpeed(), r.spec.maxAngularSpeed(), "rad/s");
        double lease = lease(a);
        startMotion(a, r, "velocity", Controllers.velocity(v, om, Double.POSITIVE_INFINITY), lease, 0, false);
        return Activity.completed(a.api(), Fields.of("status", "accepted", "robot", r.name, "linear", v, "angular", om,
                "lease", lease, "lease_expires_at", Fields.mm(r.motion.lease.expiresAt())));
    }

    private Activity goTo(CommandArgs a) {
        Robot r = robot(a);
        WarehouseScenario s = w.scenario();
        double x = a.number("x", 0, s.width(), "m");
        double y = a.number("y", 0, s.height(), "m");
        Double theta = a.has("theta") ? FloorMap.wrapPi(a.number("theta")) : null;
        double speed = a.number("speed", r.spec.maxSpeed(), 0.01, r.spec.maxSpeed(), "m/s");
        double tolerance = a.number("tolerance", 0.05, 0.01, 1, "m");
        String blocker = w.map.blockedBy(x, y, r.spec.radius());
        if (blocker != null && s.solids().stream().anyMatch(solid -> solid.name().equals(blocker))) {
            throw a.impossible("goal (" + Fields.text(x) + ", " + Fields.text(y) + ") is blocked by " + blocker
                    + " for a robot of radius " + Fields.text(r.spec.radius()) + " m; choose a free point (map.places() lists reachable spots)");
        }
        double dist = Math.hypot(x - r.odom.x(), y - r.odom.y());
        double fallback = 2 * dist / speed + 4 * Math.PI / r.spec.maxAngularSpeed() + 10;
        double timeout = a.number("timeout", fallback, 0.1, 36000, "s");
        Motion.Controller c = Controllers.goTo(x, y, theta, speed, tolerance, false, "reached");
        return startMotion(a, r, "go_to", c, lease(a), timeout, true);
    }

    private Activity stop(CommandArgs a) {
        Robot r = robot(a);
        r.endMotion("stopped");
        if (!r.moving() && r.finishing.isEmpty()) {
            return Activity.completed(a.api(), Fields.of("status", "stopped", "robot", r.name, "odom", r.odomPose()));
        }
        // stop is never refused, not even on an empty battery: it waits with the ended motions for rest
        RunningActivity activity = new RunningActivity(a.api(), w.clock(), 30, null);
        Motion stop = new Motion("stop", (robot, elapsed, cmd) -> "stopped", null, activity, now(), r.distance);
        stop.status = "stopped";
        r.finishing.add(stop);
        return activity;
    }

    private Activity status(CommandArgs a) {
        Robot r = robot(a);
        return Activity.completed(a.api(), Fields.of(
                "robot", r.name,
                "moving", r.moving(),
                "motion", r.motion == null ? null : r.motion.kind,
                "linear", Fields.mm(r.linear),
                "angular", Fields.mm(r.angular),
                "lease_expires_at", r.motion == null ? null : Fields.mm(r.motion.lease.expiresAt()),
                "collisions", r.collisions,
                "last_collision", r.lastCollisionWith == null ? null
                        : Fields.of("with", r.lastCollisionWith, "t", Fields.mm(r.lastCollisionAt)),
                "battery", Fields.round(r.battery, 1),
                "docked_at", r.dockedAt));
    }

    private Activity renew(CommandArgs a) {
        Robot r = robot(a);
        if (r.motion == null) {
            return Activity.completed(a.api(), Fields.of("status", "no_motion", "robot", r.name));
        }
        if (a.has("lease")) {
            r.motion.lease.renew(lease(a));
        } else {
            r.motion.lease.renew();
        }
        return Activity.completed(a.api(), Fields.of("status", "renewed", "robot", r.name,
                "lease_expires_at", Fields.mm(r.motion.lease.expiresAt())));
    }

    private Activity odomPose(CommandArgs a) {
        Robot r = robot(a);
        Map<String, Object> pose = r.odomPose();
        pose.put("linear", Fields.mm(r.linear));
        pose.put("angular", Fields.mm(r.angular));
        pose.put("t", Fields.mm(now()));
        return Activity.completed(a.api(), pose);
    }

    private Activity scan(CommandArgs a) {
        Map<String, Object> scan = w.scan(robot(a));
        scan.put("t", Fields.mm(now()));
        return Activity.completed(a.api(), scan);
    }

    private Activity battery(CommandArgs a) {
        Robot r = robot(a);
        return Activity.completed(a.api(), Fields.of("robot", r.name, "percent", Fields.round(r.battery, 1),
                "charging", r.dockedAt != null && r.battery < 100, "docked_at", r.dockedAt));
    }

    private Activity docks(CommandArgs a) {
        List<Map<String, Object>> docks = new ArrayList<>();
        for (WarehouseScenario.Dock d : w.scenario().docks()) {
            String occupant = w.robots.stream().filter(r -> d.name().equals(r.dockedAt)).map(r -> r.name).findFirst().orElse(null);
            docks.add(Fields.of("name", d.name(), "x", d.x(), "y", d.y(), "theta", Fields.mm(d.theta()), "occupied_by", occupant));
        }
        return Activity.completed(a.api(), Fields.of("docks", docks));
    }

    private Activity nearestDock(CommandArgs a) {
        Robot r = robot(a);
        WarehouseScenario.Dock d = nearest(r.odom.x(), r.odom.y(), a);
        return Activity.completed(a.api(), Fields.of("name", d.name(), "x", d.x(), "y", d.y(), "theta", Fields.mm(d.theta()),
                "distance", Fields.mm(Math.hypot(d.x() - r.odom.x(), d.y() - r.odom.y()))));
    }

    private WarehouseScenario.Dock nearest(double x, double y, CommandArgs a) {
        return w.scenario().docks().stream()
                .min(Comparator.comparingDouble(d -> Math.hypot(d.x() - x, d.y() - y)))
                .orElseThrow(() -> a.impossible("this warehouse has no docks"));
    }

    private Activity dock(CommandArgs a) {
        Robot r = robot(a);
        WarehouseScenario.Dock d;
        if (a.has("name")) {
            String name = a.text("name");
            d = w.scenario().docks().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow(() -> a.bad(
                    "unknown dock '" + name + "'; docks: " + String.join(", ", w.scenario().docks().stream().map(WarehouseScenario.Dock::name).toList())));
        } else {
            d = nearest(r.x, r.y, a);
        }
        double away = Math.hypot(d.x() - r.x, d.y() - r.y);
        if (away > DOCK_REACH) {
            throw a.impossible(r.name + " is " + Fields.text(away) + " m from " + d.name() + "; docking needs the dock's beacon within "
                    + Fields.text(DOCK_REACH) + " m, so go_to(" + Fields.text(d.x()) + ", " + Fields.text(d.y()) + ") first");
        }
        for (Robot other : w.robots) {
            if (other != r && d.name().equals(other.dockedAt)) {
                throw a.impossible(d.name() + " is occupied by " + other.name + "; choose another dock (dock.list())");
            }
        }
        Motion.Controller c = Controllers.goTo(d.x(), d.y(), d.theta(), 0.3, 0.02, true, "docked");
        return startMotion(a, r, "dock", c, lease(a), 60, true);
    }

    private Activity undock(CommandArgs a) {
        Robot r = robot(a);
        if (r.dockedAt == null) {
            throw a.impossible(r.name + " is not on a dock");
        }
        Motion.Controller back = Controllers.velocity(-0.2, 0, 3);
        Motion.Controller c = (robot, elapsed, cmd) -> {
            String s = back.command(robot, elapsed, cmd);
            return s == null ? null : "undocked";
        };
        return startMotion(a, r, "undock", c, w.scenario().leaseSeconds(), 10, true);
    }

    private Activity places(CommandArgs a) {
        String kind = a.text("kind", null);
        if (kind != null && !List.of("dock", "shelf", "place").contains(kind)) {
            throw a.bad("kind must be 'dock', 'shelf' or 'place', got '" + kind + "'");
        }
        return Activity.completed(a.api(), Fields.of("places", allPlaces().stream()
                .filter(p -> kind == null || kind.equals(p.get("kind"))).toList()));
    }

    private Activity place(CommandArgs a) {
        String name = a.text("name");
        return Activity.completed(a.api(), allPlaces().stream().filter(p -> name.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> a.bad("unknown place '" + name + "'; places: "
                        + String.join(", ", allPlaces().stream().map(p -> (String) p.get("name")).toList()))));
    }

    private List<Map<String, Object>> allPlaces() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WarehouseScenario.Dock d : w.scenario().docks()) {
            out.add(Fields.of("name", d.name(), "kind", "dock", "x", d.x(), "y", d.y()));
        }
        for (WarehouseScenario.Place p : w.scenario().places()) {
            out.add(Fields.of("name", p.name(), "kind", p.kind(), "x", p.x(), "y", p.y()));
        }
        return out;
    }

    private Activity mapInfo(CommandArgs a) {
        // the robot's saved map: what the scenario declares, not the obstacles drawn from the seed
        FloorMap known = new FloorMap(w.scenario().solids());
        return Activity.completed(a.api(), Fields.of(
                "width", w.scenario().width(), "height", w.scenario().height(),
                "walls", known.toState("wall"), "shelves", known.toState("shelf"), "obstacles", known.toState("obstacle"),
                "places", allPlaces()));
    }
}
