package io.codeact.bridge.sim.tabletop;

import io.codeact.bridge.sim.ScenarioException;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.internal.Fields;
import io.codeact.bridge.sim.internal.TickedWorld;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An arm with a parallel gripper over a table of coloured cube blocks and open bins, seen by a camera.
 * The gripper tip moves in straight lines at a set speed (time proportional to distance) within the
 * arm's reach; closing grasps the free block around the tip; a released block falls onto what is
 * below it (see {@link Stacking}); the camera reports blocks in view with position noise. Kinematic,
 * no rigid-body solver. See docs/SIMULATORS.md for the APIs.
 *
 * <pre>{@code
 * TabletopWorld t = TabletopWorld.create(TabletopScenario.standard(), 1);
 * t.command("arm.move_to", Map.of("x", 0.45, "y", -0.2, "z", 0.025));
 * t.command("gripper.close", Map.of());    // {"status": "closed", "holding": "red_block"}
 * }</pre>
 *
 * Not thread-safe; see {@link World}.
 */
public final class TabletopWorld extends TickedWorld<TabletopScenario> {
    private static final String[] RANDOM_COLORS = {"purple", "orange", "cyan", "pink", "white", "black", "brown", "grey"};
    private static final double[] RANDOM_SIZES = {0.03, 0.04, 0.05};

    final List<Block> blocks = new ArrayList<>();
    final Arm arm = new Arm();
    SplittableRandom cameraNoise;

    private TabletopWorld(TabletopScenario scenario, long seed) {
        super("tabletop", scenario, scenario.tick());
        serve(new TabletopApi(this).table());
        reset(seed);
    }

    public static TabletopWorld create(TabletopScenario scenario, long seed) {
        return new TabletopWorld(scenario, seed);
    }

    /**
     * @throws ScenarioException naming the bad field
     */
    public static TabletopWorld fromScenario(long seed, Map<String, ?> scenario) {
        return create(TabletopScenario.fromMap(scenario), seed);
    }

    @Override
    protected void tick(double dt) {
        if (arm.activity == null) {
            return;
        }
        if (arm.activity.pastDeadline()) {
            endMove("timeout");
            return;
        }
        if (arm.lease.expired()) {
            endMove("lease_expired");
            return;
        }
        double dx = arm.tx - arm.x;
        double dy = arm.ty - arm.y;
        double dz = arm.tz - arm.z;
        double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double stride = arm.speed * dt;
        boolean arrives = d <= stride;
        double f = arrives ? 1 : stride / d;
        double nx = arm.x + dx * f;
        double ny = arm.y + dy * f;
        double nz = arm.z + dz * f;
        String contact = heldContact(nx, ny, nz);
        if (contact != null) {
            endMove("contact", contact);
            return;
        }
        arm.x = nx;
        arm.y = ny;
        arm.z = nz;
        if (arm.held != null) {
            arm.held.x = nx + arm.offX;
            arm.held.y = ny + arm.offY;
            arm.held.z = nz + arm.offZ;
        }
        arm.recordPath(false);
        if (arrives) {
            endMove("reached");
        }
    }

    /** What the held block would touch with the tip at (x, y, z), or null. */
    private String heldContact(double x, double y, double z) {
        Block h = arm.held;
        if (h == null) {
            return null;
        }
        double cx = x + arm.offX;
        double cy = y + arm.offY;
        double cz = z + arm.offZ;
        Block probe = new Block(h.name, h.color, h.size, cx, cy, cz, null);
        if (probe.bottom() < -1e-6 && Stacking.onTable(probe, scenario)) {
            return "table";
        }
        for (Block o : blocks) {
            if (o != h && o.overlapsXY(cx, cy, h.size) && Math.abs(o.z - cz) < (o.size + h.size) / 2 - 1e-6) {
                return o.name;
            }
        }
        return null;
    }

    @Override
    public Map<String, Object> halt(String reason) {
        List<String> halted = new ArrayList<>();
        if (arm.activity != null) {
            halted.add("arm");
        }
        endMove("stopped");
        return Fields.of("halted", halted, "reason", reason);
    }

    void endMove(String status) {
        endMove(status, null);
    }

    private void endMove(String status, String contactWith) {
        if (arm.activity == null) {
            return;
        }
        arm.recordPath(true);
        Map<String, Object> r = pose();
        r.put("status", status);
        if (contactWith != null) {
            r.put("contact_with", contactWith);
        }
        Map<String, Object> ordered = Fields.of("status", status);
        ordered.putAll(r);
        arm.activity.finish(ordered);
        arm.activity = null;
        arm.lease = null;
    }

    Map<String, Object> pose() {
        return Fields.of("x", Fields.mm(arm.x), "y", Fields.mm(arm.y), "z", Fields.mm(arm.z),
                "moving", arm.moving(), "holding", arm.held == null ? null : arm.held.name);
    }

    @Override
    protected void resetState(SplittableRandom root) {
        SplittableRandom layout = root.split();
        cameraNoise = root.split();
        blocks.clear();
        for (TabletopScenario.BlockStart s : scenario.blocks()) {
            double x = s.x();
            double y = s.y();
            if (s.on() != null) {
                Block support = find(s.on());
                x += support.x;
                y += support.y;
            }
            Block b = new Block(s.name(), s.color(), s.size(), x, y, 5, null);
            blocks.add(b);
            Stacking.drop(b, blocks, scenario);
        }
        addRandomBlocks(layout);
        double[] home = scenario.arm().home();
        arm.x = home[0];
        arm.y = home[1];
        arm.z = home[2];
        arm.activity = null;
        arm.lease = null;
        arm.closed = false;
        arm.held = null;
        arm.resetPath();
    }

    private void addRandomBlocks(SplittableRandom random) {
        double[] view = scenario.camera().view();
        TabletopScenario.Table t = scenario.table();
        int tries = 0;
        int added = 0;
        while (added < scenario.randomBlocks()) {
            if (++tries > 5000) {
                throw new ScenarioException("tabletop", "random_blocks", "could place only " + added + " of "
                        + scenario.randomBlocks() + " blocks in free, reachable spots; ask for fewer");
            }
            double size = RANDOM_SIZES[random.nextInt(RANDOM_SIZES.length)];
            String color = RANDOM_COLORS[random.nextInt(RANDOM_COLORS.length)];
            double x = Math.max(view[0], t.xMin()) + random.nextDouble() * (Math.min(view[2], t.xMax()) - Math.max(view[0], t.xMin()));
            double y = Math.max(view[1], t.yMin()) + random.nextDouble() * (Math.min(view[3], t.yMax()) - Math.max(view[1], t.yMin()));
            if (!TabletopScenario.reachable(scenario.arm(), x, y, size / 2) || Stacking.binContaining(x, y, scenario) != null) {
                continue;
            }
            boolean free = blocks.stream().noneMatch(o -> o.overlapsXY(x, y, size + 0.03));
            if (!free) {
                continue;
            }
            String name = color + "_block";
            for (int k = 2; find(name) != null; k++) {
                name = color + "_block_" + k;
            }
            Block b = new Block(name, color, size, x, y, size / 2, "table");
            blocks.add(b);
            added++;
        }
    }

    Block find(String name) {
        for (Block b : blocks) {
            if (b.name.equals(name)) {
                return b;
            }
        }
        return null;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> blockStates = new LinkedHashMap<>();
        for (Block b : blocks) {
            TabletopScenario.Bin bin = "gripper".equals(b.on) ? null : Stacking.binContaining(b.x, b.y, scenario);
            blockStates.put(b.name, Fields.of("color", b.color, "size", b.size, "x", b.x, "y", b.y, "z", b.z,
                    "on", b.on, "in_bin", bin == null ? null : bin.name()));
        }
        Map<String, Object> bins = new LinkedHashMap<>();
        for (TabletopScenario.Bin bin : scenario.bins()) {
            bins.put(bin.name(), Fields.of("color", bin.color(), "x", bin.x(), "y", bin.y(), "width", bin.width(),
                    "depth", bin.depth(), "height", bin.height()));
        }
        TabletopScenario.Table t = scenario.table();
        return Fields.of(
                "world", name(),
                "seed", seed(),
                "t", clock().seconds(),
                "table", Fields.of("x_min", t.xMin(), "x_max", t.xMax(), "y_min", t.yMin(), "y_max", t.yMax()),
                "arm", Fields.of("x", arm.x, "y", arm.y, "z", arm.z, "moving", arm.moving(),
                        "target", arm.moving() ? List.of(arm.tx, arm.ty, arm.tz) : null,
                        "path", arm.path.stream().map(p -> List.of(Fields.mm(p[0]), Fields.mm(p[1]), Fields.mm(p[2]))).toList()),
                "workspace", workspace(),
                "gripper", Fields.of("closed", arm.closed, "holding", arm.held == null ? null : arm.held.name),
                "blocks", blockStates,
                "bins", bins,
                "stacks", stacks());
    }

    /** Where the arm can reach and what the overhead camera sees, for plots. */
    private Map<String, Object> workspace() {
        TabletopScenario.ArmSpec a = scenario.arm();
        double[] v = scenario.camera().view();
        return Fields.of("shoulder", List.of(a.base()[0], a.base()[1], a.base()[2]), "reach_min", a.reachMin(),
                "reach_max", a.reachMax(), "z_max", a.zMax(), "home", List.of(a.home()[0], a.home()[1], a.home()[2]),
                "camera_mount", scenario.camera().mount(), "camera_view", List.of(v[0], v[1], v[2], v[3]));
    }

    /** Each pile from the bottom up, for piles of two or more blocks. */
    List<List<String>> stacks() {
        List<List<String>> out = new ArrayList<>();
        for (Block base : blocks) {
            if (find(base.on) != null || "gripper".equals(base.on)) {
                continue;
            }
            List<String> pile = new ArrayList<>(List.of(base.name));
            Block top = base;
            for (boolean more = true; more; ) {
                more = false;
                for (Block b : blocks) {
                    if (top.name.equals(b.on)) {
                        pile.add(b.name);
                        top = b;
                        more = true;
                        break;
                    }
                }
            }
            if (pile.size() > 1) {
                out.add(pile);
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> telemetry() {
        double t = Fields.mm(clock().seconds());
        Map<String, Object> pose = pose();
        pose.put("t", t);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("arm/pose", pose);
        out.put("gripper/state", Fields.of("closed", arm.closed, "holding", arm.held == null ? null : arm.held.name, "t", t));
        out.put("camera/detections", new Camera(scenario.camera()).detect(this));
        return out;
    }

    @Override
    public String toString() {
        return "TabletopWorld[seed=" + seed() + ", t=" + clock().seconds() + " s, blocks=" + blocks.size() + "]";
    }
}
