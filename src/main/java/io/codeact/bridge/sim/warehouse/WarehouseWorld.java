package io.codeact.bridge.sim.warehouse;

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
 * A warehouse floor with differential-drive robots: walls, shelves and obstacles, a 2-D lidar, drifting
 * odometry, a battery that drains with time and motion and charges on a dock, collisions that stop the
 * robot (it never passes through anything), and speed/acceleration limits. Plain 2-D kinematics at a
 * fixed tick (default 10 ms); see docs/SIMULATORS.md for the APIs and result maps.
 *
 * <pre>{@code
 * WarehouseWorld w = WarehouseWorld.create(WarehouseScenario.standard(), 7);
 * w.command("base.go_to", Map.of("x", 0.6, "y", 2.0));
 * w.command("dock.dock", Map.of());      // {"status": "docked", "dock": "bay_2", ...}
 * }</pre>
 *
 * Not thread-safe; see {@link World}.
 */
public final class WarehouseWorld extends TickedWorld<WarehouseScenario> {
    FloorMap map;
    final List<Robot> robots = new ArrayList<>();
    final Map<String, Robot> byName = new LinkedHashMap<>();

    private WarehouseWorld(WarehouseScenario scenario, long seed) {
        super("warehouse", scenario, scenario.tick());
        serve(new WarehouseApi(this).table());
        reset(seed);
    }

    /** A world for a validated scenario and a seed. */
    public static WarehouseWorld create(WarehouseScenario scenario, long seed) {
        return new WarehouseWorld(scenario, seed);
    }

    /**
     * A world from the YAML/map scenario form ({@link WarehouseScenario#fromMap}).
     *
     * @throws ScenarioException naming the bad field
     */
    public static WarehouseWorld fromScenario(long seed, Map<String, ?> scenario) {
        return create(WarehouseScenario.fromMap(scenario), seed);
    }

    @Override
    protected void tick(double dt) {
        double now = clock().seconds();
        for (Robot r : robots) {
            r.tick(dt, now, map, robots, scenario);
        }
    }

    @Override
    protected void resetState(SplittableRandom root) {
        List<WarehouseScenario.Solid> solids = new ArrayList<>(scenario.solids());
        solids.addAll(randomObstacles(root.split(), solids));
        map = new FloorMap(solids);
        robots.clear();
        byName.clear();
        for (WarehouseScenario.RobotStart start : scenario.robots()) {
            Odometry odom = new Odometry(scenario.odometry(), root.split(), start.x(), start.y(), start.theta());
            Robot r = new Robot(start, scenario.robot(), odom, new Lidar(scenario.lidar(), root.split()));
            robots.add(r);
            byName.put(r.name, r);
        }
    }

    private List<WarehouseScenario.Solid> randomObstacles(SplittableRandom random, List<WarehouseScenario.Solid> fixed) {
        List<WarehouseScenario.Solid> placed = new ArrayList<>();
        double keepOut = scenario.robot().radius() + 0.7;
        int tries = 0;
        while (placed.size() < scenario.randomObstacles()) {
            if (++tries > 5000) {
                throw new ScenarioException("warehouse", "random_obstacles", "could place only " + placed.size() + " of "
                        + scenario.randomObstacles() + " obstacles with free space around them; ask for fewer");
            }
            double x = 0.6 + random.nextDouble() * (scenario.width() - 1.2);
            double y = 0.6 + random.nextDouble() * (scenario.height() - 1.2);
            List<WarehouseScenario.Solid> all = new ArrayList<>(fixed);
            all.addAll(placed);
            if (new FloorMap(all).blockedBy(x, y, 0.36 + 0.5) != null || nearKeyPoint(x, y, keepOut)) {
                continue;
            }
            String name = "box_" + (placed.size() + 1);
            placed.add(new WarehouseScenario.Solid(name, "obstacle", WarehouseScenario.Builder.box(x, y, 0.5, 0.5)));
        }
        return placed;
    }

    private boolean nearKeyPoint(double x, double y, double keepOut) {
        for (WarehouseScenario.RobotStart r : scenario.robots()) {
            if (Math.hypot(r.x() - x, r.y() - y) < keepOut) {
                return true;
            }
        }
        for (WarehouseScenario.Dock d : scenario.docks()) {
            if (Math.hypot(d.x() - x, d.y() - y) < keepOut) {
                return true;
            }
        }
        for (WarehouseScenario.Place p : scenario.places()) {
            if (Math.hypot(p.x() - x, p.y() - y) < keepOut) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Map<String, Object> halt(String reason) {
        List<String> halted = new ArrayList<>();
        for (Robot r : robots) {
            if (r.motion != null) {
                halted.add(r.name + "/base");
            }
            r.endMotion("stopped");
        }
        return Fields.of("halted", halted, "reason", reason);
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> robotStates = new LinkedHashMap<>();
        for (Robot r : robots) {
            robotStates.put(r.name, Fields.of(
                    "x", r.x, "y", r.y, "theta", r.theta,
                    "linear", r.linear, "angular", r.angular,
                    "odom", Fields.of("x", r.odom.x(), "y", r.odom.y(), "theta", r.odom.theta()),
                    "battery", r.battery,
                    "min_battery", r.minBattery,
                    "charging", r.dockedAt != null && r.battery < 100,
                    "docked_at", r.dockedAt,
                    "motion", r.motion == null ? null : r.motion.kind,
                    "collisions", r.collisions,
                    "last_collision", r.lastCollisionWith == null ? null
                            : Fields.of("with", r.lastCollisionWith, "t", r.lastCollisionAt),
                    "distance", r.distance,
                    "visited", new LinkedHashMap<>(r.visited),
                    "path", r.path.stream().map(p -> Fields.xy(p[0], p[1])).toList()));
        }
        return Fields.of(
                "world", name(),
                "seed", seed(),
                "t", clock().seconds(),
                "map", mapState(),
                "robots", robotStates);
    }

    Map<String, Object> mapState() {
        List<Map<String, Object>> docks = scenario.docks().stream()
                .map(d -> Fields.of("name", d.name(), "x", d.x(), "y", d.y(), "theta", d.theta())).toList();
        List<Map<String, Object>> places = scenario.places().stream()
                .map(p -> Fields.of("name", p.name(), "kind", p.kind(), "x", p.x(), "y", p.y())).toList();
        return Fields.of(
                "width", scenario.width(), "height", scenario.height(),
                "walls", map.toState("wall"),
                "shelves", map.toState("shelf"),
                "obstacles", map.toState("obstacle"),
                "docks", docks,
                "places", places);
    }

    @Override
    public Map<String, Object> telemetry() {
        Map<String, Object> out = new LinkedHashMap<>();
        double t = Fields.mm(clock().seconds());
        for (Robot r : robots) {
            Map<String, Object> odom = r.odomPose();
            odom.put("linear", Fields.mm(r.linear));
            odom.put("angular", Fields.mm(r.angular));
            odom.put("t", t);
            out.put(r.name + "/odom", odom);
            out.put(r.name + "/battery", Fields.of("percent", Fields.round(r.battery, 1),
                    "charging", r.dockedAt != null && r.battery < 100, "t", t));
            Map<String, Object> scan = scan(r);
            scan.put("t", t);
            out.put(r.name + "/scan", scan);
            out.put(r.name + "/status", Fields.of("moving", r.moving(), "collisions", r.collisions, "t", t));
        }
        return out;
    }

    /** One noisy lidar scan of a robot, shaped like sensor_msgs/LaserScan. */
    Map<String, Object> scan(Robot r) {
        double[] ranges = r.lidar.scan(r, map, robots);
        List<Double> list = new ArrayList<>(ranges.length);
        for (double v : ranges) {
            list.add(Fields.mm(v));
        }
        return Fields.of(
                "angle_min", Fields.round(r.lidar.angleMin, 6),
                "angle_max", Fields.round(r.lidar.angleMax(), 6),
                "angle_increment", Fields.round(r.lidar.increment, 6),
                "range_min", r.lidar.spec.rangeMin(),
                "range_max", r.lidar.spec.rangeMax(),
                "ranges", list);
    }

    @Override
    public String toString() {
        return "WarehouseWorld[seed=" + seed() + ", t=" + clock().seconds() + " s, robots=" + byName.keySet() + "]";
    }
}
