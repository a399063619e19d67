package io.codeact.bridge.sim.tabletop;

import io.codeact.bridge.sim.internal.ScenarioMap;
import java.util.Map;

/** Reads the YAML/map form of a {@link TabletopScenario}. */
final class TabletopScenarioReader {
    private TabletopScenarioReader() {}

    static TabletopScenario read(Map<String, ?> values) {
        ScenarioMap m = ScenarioMap.root(TabletopScenario.WORLD, values)
                .allow("table", "arm", "gripper", "camera", "blocks", "random_blocks", "bins", "tick", "lease_seconds");
        TabletopScenario.Builder b = TabletopScenario.standardBuilder();
        ScenarioMap t = m.map("table").allow("x_min", "x_max", "y_min", "y_max");
        TabletopScenario.Table table = b.table;
        b.table(t.number("x_min", table.xMin()), t.number("x_max", table.xMax()), t.number("y_min", table.yMin()), t.number("y_max", table.yMax()));
        ScenarioMap a = m.map("arm").allow("base", "reach_min", "reach_max", "z_max", "speed", "max_speed", "home");
        TabletopScenario.ArmSpec arm = b.arm;
        b.arm(new TabletopScenario.ArmSpec(
                a.has("base") ? a.point("base", 3) : arm.base(),
                a.number("reach_min", arm.reachMin()), a.number("reach_max", arm.reachMax()), a.number("z_max", arm.zMax()),
                a.number("speed", arm.speed()), a.number("max_speed", arm.maxSpeed()),
                a.has("home") ? a.point("home", 3) : arm.home()));
        ScenarioMap g = m.map("gripper").allow("tolerance", "max_opening");
        b.gripper(g.number("tolerance", b.gripperTolerance), g.number("max_opening", b.gripperMaxOpening));
        ScenarioMap c = m.map("camera").allow("mount", "view", "fov", "noise");
        TabletopScenario.CameraSpec cam = b.camera;
        double[] view = cam.view();
        if (c.has("view")) {
            double[] first = c.point("view", 4);
            view = first;
        }
        b.camera(new TabletopScenario.CameraSpec(c.text("mount", cam.mount()), view, c.number("fov", cam.fovDegrees()),
                c.number("noise", cam.noise())));
        if (m.has("blocks")) {
            b.clearBlocks();
            for (ScenarioMap k : m.list("blocks")) {
                k.allow("name", "color", "size", "x", "y", "on");
                String on = k.text("on", null);
                b.block(k.text("name"), k.text("color"), k.number("size", 0.04),
                        on == null ? k.number("x") : k.number("x", 0), on == null ? k.number("y") : k.number("y", 0), on);
            }
        }
        b.randomBlocks((int) m.integer("random_blocks", 0));
        if (m.has("bins")) {
            b.clearBins();
            for (ScenarioMap k : m.list("bins")) {
                k.allow("name", "color", "x", "y", "width", "depth", "height");
                b.bin(k.text("name"), k.text("color", "grey"), k.number("x"), k.number("y"),
                        k.number("width", 0.16), k.number("depth", 0.16), k.number("height", 0.08));
            }
        }
        b.tick(m.number("tick", b.tick));
        b.leaseSeconds(m.number("lease_seconds", b.leaseSeconds));
        return b.build();
    }
}
