package io.codeact.bridge.sim.warehouse;

import static io.codeact.bridge.sim.internal.ScenarioChecks.positive;

import io.codeact.bridge.sim.internal.ScenarioMap;
import java.util.List;
import java.util.Map;

/** Reads the YAML/map form of a {@link WarehouseScenario}; field names are snake_case as in task files. */
final class WarehouseScenarioReader {
    private WarehouseScenarioReader() {}

    static WarehouseScenario read(Map<String, ?> values) {
        ScenarioMap m = ScenarioMap.root(WarehouseScenario.WORLD, values).allow(
                "layout", "size", "tick", "lease_seconds", "visit_radius", "walls", "shelves", "obstacles",
                "random_obstacles", "docks", "places", "robots", "robot", "lidar", "odometry", "battery");
        String layout = m.text("layout", "standard");
        WarehouseScenario.Builder b;
        switch (layout) {
            case "standard" -> {
                if (m.has("size")) {
                    throw m.error("size", "can only be set with layout: empty (the standard layout is 20 × 12 m)");
                }
                b = WarehouseScenario.standardBuilder();
            }
            case "empty" -> {
                b = WarehouseScenario.builder();
                if (m.has("size")) {
                    double[] size = m.point("size", 2);
                    b.size(size[0], size[1]);
                }
            }
            default -> throw m.error("layout", "must be 'standard' or 'empty', got '" + layout + "'");
        }
        if (m.has("tick")) {
            b.tick(m.number("tick"));
        }
        if (m.has("lease_seconds")) {
            b.leaseSeconds(m.number("lease_seconds"));
        }
        if (m.has("visit_radius")) {
            b.visitRadius(m.number("visit_radius"));
        }
        for (ScenarioMap w : m.list("walls")) {
            solid(b, w, "wall");
        }
        for (ScenarioMap o : m.list("obstacles")) {
            solid(b, o, "obstacle");
        }
        for (ScenarioMap s : m.list("shelves")) {
            s.allow("name", "x", "y", "width", "depth", "access");
            double x = s.number("x");
            double y = s.number("y");
            double depth = positive(s.world(), s.field("depth"), s.number("depth", 0.8), "m");
            double[] access = s.has("access") ? s.point("access", 2) : new double[] {x, y - depth / 2 - 0.6};
            b.shelf(s.text("name"), x, y, positive(s.world(), s.field("width"), s.number("width"), "m"), depth, access[0], access[1]);
        }
        b.randomObstacles((int) m.integer("random_obstacles", 0));
        for (ScenarioMap d : m.list("docks")) {
            d.allow("name", "x", "y", "theta");
            b.dock(d.text("name"), d.number("x"), d.number("y"), d.number("theta", 0));
        }
        for (ScenarioMap p : m.list("places")) {
            p.allow("name", "x", "y");
            b.place(p.text("name"), p.number("x"), p.number("y"));
        }
        List<ScenarioMap> robots = m.list("robots");
        if (m.has("robots")) {
            b.clearRobots();
            for (ScenarioMap r : robots) {
                r.allow("name", "x", "y", "theta", "battery");
                b.robot(r.text("name"), r.number("x"), r.number("y"), r.number("theta", 0), r.number("battery", 100));
            }
        }
        WarehouseScenario.RobotSpec rs = b.robotSpec();
        ScenarioMap r = m.map("robot").allow("radius", "max_speed", "max_angular_speed", "max_acceleration", "max_angular_acceleration");
        b.robotSpec(new WarehouseScenario.RobotSpec(
                r.number("radius", rs.radius()), r.number("max_speed", rs.maxSpeed()),
                r.number("max_angular_speed", rs.maxAngularSpeed()), r.number("max_acceleration", rs.maxAcceleration()),
                r.number("max_angular_acceleration", rs.maxAngularAcceleration())));
        WarehouseScenario.LidarSpec ls = b.lidarSpec();
        ScenarioMap l = m.map("lidar").allow("beams", "fov", "range_min", "range_max", "noise");
        b.lidar(new WarehouseScenario.LidarSpec((int) l.integer("beams", ls.beams()), l.number("fov", ls.fovDegrees()),
                l.number("range_min", ls.rangeMin()), l.number("range_max", ls.rangeMax()), l.number("noise", ls.noise())));
        WarehouseScenario.OdometrySpec os = b.odometrySpec();
        ScenarioMap o = m.map("odometry").allow("scale_error", "yaw_error", "noise");
        b.odometry(new WarehouseScenario.OdometrySpec(o.number("scale_error", os.scaleError()),
                o.number("yaw_error", os.yawError()), o.number("noise", os.noise())));
        WarehouseScenario.BatterySpec bs = b.batterySpec();
        ScenarioMap bat = m.map("battery").allow("idle_drain", "drain_per_meter", "drain_per_radian", "charge_rate", "dock_radius");
        b.battery(new WarehouseScenario.BatterySpec(bat.number("idle_drain", bs.idleDrain()),
                bat.number("drain_per_meter", bs.drainPerMeter()), bat.number("drain_per_radian", bs.drainPerRadian()),
                bat.number("charge_rate", bs.chargeRate()), bat.number("dock_radius", bs.dockRadius())));
        return b.build();
    }

    private static void solid(WarehouseScenario.Builder b, ScenarioMap s, String kind) {
        s.allow("name", "x", "y", "width", "depth", "polygon");
        if (s.has("polygon")) {
            if (s.has("x") || s.has("width")) {
                throw s.error("polygon", "cannot be combined with x/y/width/depth; give either a box or a polygon");
            }
            b.polygon(s.text("name"), kind, s.points("polygon"));
        } else {
            double w = positive(s.world(), s.field("width"), s.number("width"), "m");
            double d = positive(s.world(), s.field("depth"), s.number("depth"), "m");
            if (kind.equals("wall")) {
                b.wall(s.text("name"), s.number("x"), s.number("y"), w, d);
            } else {
                b.obstacle(s.text("name"), s.number("x"), s.number("y"), w, d);
            }
        }
    }
}
