package io.codeact.bridge.sim.tabletop;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.internal.CommandArgs;
import io.codeact.bridge.sim.internal.CommandTable;
import io.codeact.bridge.sim.internal.Fields;
import io.codeact.bridge.sim.internal.MotionLease;
import io.codeact.bridge.sim.internal.RunningActivity;
import java.util.List;
import java.util.Map;

/** The tabletop's commands. */
final class TabletopApi {
    private final TabletopWorld w;

    TabletopApi(TabletopWorld world) {
        this.w = world;
    }

    CommandTable table() {
        return new CommandTable("tabletop")
                .add("arm.move_to", List.of("x", "y", "z", "speed", "lease"), this::moveTo)
                .add("arm.home", List.of("speed", "lease"), this::home)
                .add("arm.stop", List.of(), this::stop)
                .add("arm.pose", List.of(), a -> Activity.completed(a.api(), withTime(w.pose())))
                .add("arm.workspace", List.of(), this::workspace)
                .add("motion.renew", List.of("lease"), this::renew)
                .add("gripper.open", List.of(), this::open)
                .add("gripper.close", List.of(), this::close)
                .add("gripper.holding", List.of(), a -> Activity.completed(a.api(), Fields.of("holding", held())))
                .add("camera.detect", List.of(), a -> Activity.completed(a.api(), new Camera(w.scenario().camera()).detect(w)));
    }

    private String held() {
        return w.arm.held == null ? null : w.arm.held.name;
    }

    private Map<String, Object> withTime(Map<String, Object> m) {
        m.put("t", Fields.mm(w.clock().seconds()));
        return m;
    }

    private Activity moveTo(CommandArgs a) {
        return move(a, a.number("x"), a.number("y"), a.number("z"));
    }

    private Activity home(CommandArgs a) {
        double[] h = w.scenario().arm().home();
        return move(a, h[0], h[1], h[2]);
    }

    private Activity move(CommandArgs a, double x, double y, double z) {
        TabletopScenario.ArmSpec spec = w.scenario().arm();
        double speed = a.number("speed", spec.speed(), 0.001, spec.maxSpeed(), "m/s");
        double lease = a.number("lease", w.scenario().leaseSeconds(), 0.05, 600, "s");
        String target = "(" + Fields.text(x) + ", " + Fields.text(y) + ", " + Fields.text(z) + ")";
        if (z < 0) {
            throw a.impossible("target " + target + " is below the table top (z = 0 m); the gripper tip can go down to z = 0");
        }
        if (!TabletopScenario.reachable(spec, x, y, z)) {
            double d = TabletopScenario.distanceFromShoulder(spec, x, y, z);
            throw a.impossible("target " + target + " is out of reach: " + Fields.text(d) + " m from the shoulder at ("
                    + TabletopScenario.point(spec.base()) + "); the arm reaches " + Fields.text(spec.reachMin()) + ".."
                    + Fields.text(spec.reachMax()) + " m from it, with 0 ≤ z ≤ " + Fields.text(spec.zMax()) + " m (arm.workspace())");
        }
        w.endMove("preempted");
        double distance = Math.sqrt((x - w.arm.x) * (x - w.arm.x) + (y - w.arm.y) * (y - w.arm.y) + (z - w.arm.z) * (z - w.arm.z));
        Arm arm = w.arm;
        arm.tx = x;
        arm.ty = y;
        arm.tz = z;
        arm.speed = speed;
        arm.lease = new MotionLease(w.clock(), lease);
        arm.activity = new RunningActivity(a.api(), w.clock(), distance / speed + 5, arm.lease);
        return arm.activity;
    }

    private Activity stop(CommandArgs a) {
        w.endMove("stopped");
        return Activity.completed(a.api(), Fields.of("status", "stopped", "x", Fields.mm(w.arm.x), "y", Fields.mm(w.arm.y), "z", Fields.mm(w.arm.z)));
    }

    private Activity renew(CommandArgs a) {
        if (w.arm.lease == null) {
            return Activity.completed(a.api(), Fields.of("status", "no_motion"));
        }
        if (a.has("lease")) {
            w.arm.lease.renew(a.number("lease", 0.05, 600, "s"));
        } else {
            w.arm.lease.renew();
        }
        return Activity.completed(a.api(), Fields.of("status", "renewed", "lease_expires_at", Fields.mm(w.arm.lease.expiresAt())));
    }

    private Activity workspace(CommandArgs a) {
        TabletopScenario s = w.scenario();
        TabletopScenario.ArmSpec arm = s.arm();
        return Activity.completed(a.api(), Fields.of(
                "shoulder", List.of(arm.base()[0], arm.base()[1], arm.base()[2]),
                "reach_min", arm.reachMin(), "reach_max", arm.reachMax(),
                "z_min", 0.0, "z_max", arm.zMax(),
                "speed", arm.speed(), "max_speed", arm.maxSpeed(),
                "home", List.of(arm.home()[0], arm.home()[1], arm.home()[2]),
                "table", Fields.of("x_min", s.table().xMin(), "x_max", s.table().xMax(), "y_min", s.table().yMin(), "y_max", s.table().yMax()),
                "gripper_tolerance", s.gripperTolerance(), "gripper_max_opening", s.gripperMaxOpening()));
    }

    private Activity open(CommandArgs a) {
        Arm arm = w.arm;
        arm.closed = false;
        Block b = arm.held;
        if (b == null) {
            return Activity.completed(a.api(), Fields.of("status", "open", "released", null));
        }
        arm.held = null;
        b.on = null;
        Stacking.drop(b, w.blocks, w.scenario());
        TabletopScenario.Bin bin = Stacking.binContaining(b.x, b.y, w.scenario());
        return Activity.completed(a.api(), Fields.of("status", "open", "released", b.name, "landed_on", b.on,
                "in_bin", bin == null ? null : bin.name(), "x", Fields.mm(b.x), "y", Fields.mm(b.y), "z", Fields.mm(b.z)));
    }

    private Activity close(CommandArgs a) {
        Arm arm = w.arm;
        if (arm.held != null) {
            throw a.impossible("gripper is already holding " + arm.held.name + "; open it first (gripper.open()) to release it");
        }
        arm.closed = true;
        double tol = w.scenario().gripperTolerance();
        Block best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (Block b : w.blocks) {
            double dx = Math.abs(b.x - arm.x);
            double dy = Math.abs(b.y - arm.y);
            if (dx <= tol && dy <= tol && Math.abs(b.z - arm.z) <= b.half() + 1e-9) {
                double d = Math.hypot(dx, dy) + Math.abs(b.z - arm.z);
                if (d < bestD) {
                    bestD = d;
                    best = b;
                }
            }
        }
        String pose = "(" + Fields.text(arm.x) + ", " + Fields.text(arm.y) + ", " + Fields.text(arm.z) + ")";
        if (best == null) {
            return Activity.completed(a.api(), Fields.of("status", "closed", "holding", null,
                    "reason", "no block between the fingers at " + pose + " (the tip must be within "
                            + Fields.text(tol) + " m of a block's centre in x and y, and between its bottom and top)"));
        }
        for (Block o : w.blocks) {
            if (best.name.equals(o.on)) {
                return Activity.completed(a.api(), Fields.of("status", "closed", "holding", null,
                        "reason", best.name + " has " + o.name + " on top of it; take that off first"));
            }
        }
        if (best.size > w.scenario().gripperMaxOpening()) {
            return Activity.completed(a.api(), Fields.of("status", "closed", "holding", null,
                    "reason", best.name + " is " + Fields.text(best.size) + " m wide; the gripper opens to "
                            + Fields.text(w.scenario().gripperMaxOpening()) + " m"));
        }
        arm.held = best;
        arm.offX = best.x - arm.x;
        arm.offY = best.y - arm.y;
        arm.offZ = best.z - arm.z;
        best.on = "gripper";
        return Activity.completed(a.api(), Fields.of("status", "closed", "holding", best.name));
    }
}
