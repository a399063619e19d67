package io.codeact.bridge.sim.warehouse;

import static io.codeact.bridge.sim.internal.ScenarioChecks.nonNegative;
import static io.codeact.bridge.sim.internal.ScenarioChecks.positive;
import static io.codeact.bridge.sim.internal.ScenarioChecks.within;

import io.codeact.bridge.sim.ScenarioException;
import io.codeact.bridge.sim.internal.Fields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A warehouse floor: size, walls, shelves and obstacles (polygons), charging docks, named places,
 * robots and their limits, sensors and battery. Immutable and validated: {@link Builder#build()} and
 * {@link #fromMap} throw {@link ScenarioException} naming the YAML field. Units: m, s, rad, %.
 *
 * <pre>{@code
 * WarehouseScenario s = WarehouseScenario.standardBuilder().robot("r2", 2, 8, 0, 50).build();
 * WarehouseScenario t = WarehouseScenario.fromMap(Map.of("robots", List.of(Map.of("name", "r1", "x", 2, "y", 6))));
 * }</pre>
 */
public record WarehouseScenario(
        double width,
        double height,
        double tick,
        double leaseSeconds,
        double visitRadius,
        List<Solid> solids,
        int randomObstacles,
        List<Dock> docks,
        List<Place> places,
        List<RobotStart> robots,
        RobotSpec robot,
        LidarSpec lidar,
        OdometrySpec odometry,
        BatterySpec battery) {

    static final String WORLD = "warehouse";

    /** A wall, shelf or obstacle: {@code kind} is {@code wall}, {@code shelf} or {@code obstacle}. */
    public record Solid(String name, String kind, List<double[]> polygon) {
        public Solid {
            polygon = List.copyOf(polygon);
        }
    }

    /** A charging dock: where the robot's centre sits when docked, facing {@code theta}. */
    public record Dock(String name, double x, double y, double theta) {}

    /** A named point tasks can refer to; {@code kind} is {@code place} or {@code shelf} (a shelf's access point). */
    public record Place(String name, String kind, double x, double y) {}

    /** Where a robot starts and its battery charge in %. */
    public record RobotStart(String name, double x, double y, double theta, double battery) {}

    /** Body and actuator limits shared by all robots. */
    public record RobotSpec(double radius, double maxSpeed, double maxAngularSpeed, double maxAcceleration, double maxAngularAcceleration) {}

    /** A planar lidar at the robot's centre: beams spread evenly over {@code fovDegrees}, gaussian range noise. */
    public record LidarSpec(int beams, double fovDegrees, double rangeMin, double rangeMax, double noise) {}

    /** Odometry error: a per-robot scale and yaw bias (standard deviations, drawn from the seed) and per-metre noise. */
    public record OdometrySpec(double scaleError, double yawError, double noise) {}

    /** Battery in %: drain at rest (%/s), per metre driven, per radian turned; charge rate when docked (%/s). */
    public record BatterySpec(double idleDrain, double drainPerMeter, double drainPerRadian, double chargeRate, double dockRadius) {}

    /** The standard 20 × 12 m layout: four shelves, a pillar, a pallet, three charging bays, robot r1. */
    public static WarehouseScenario standard() {
        return standardBuilder().build();
    }

    /** A builder holding the standard layout, to add to. */
    public static Builder standardBuilder() {
        return new Builder()
                .size(20, 12)
                .shelf("shelf_a", 6, 4, 6, 0.8, 6, 3.0)
                .shelf("shelf_b", 6, 7.5, 6, 0.8, 6, 6.5)
                .shelf("shelf_c", 14, 4, 4, 0.8, 14, 3.0)
                .shelf("shelf_d", 14, 7.5, 4, 0.8, 14, 6.5)
                .obstacle("pillar", 10.5, 5.75, 0.4, 0.4)
                .obstacle("pallet", 10.5, 10.2, 1.2, 1.0)
                .dock("bay_1", 0.6, 10.0, Math.PI)
                .dock("bay_2", 0.6, 2.0, Math.PI)
                .dock("bay_3", 19.4, 6.0, 0)
                .place("pickup", 18, 1.5)
                .place("dropoff", 18, 10.5)
                .robot("r1", 2, 6, 0, 80)
                .markLayout();
    }

    /** An empty builder: a {@code width × height} floor with outer walls only, once built. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the YAML/map form (see docs/SIMULATORS.md); an empty map gives {@link #standard()}.
     *
     * @throws ScenarioException naming the field for any bad or unknown value
     */
    public static WarehouseScenario fromMap(Map<String, ?> map) {
        return WarehouseScenarioReader.read(map);
    }

    /** Solids of one kind. */
    public List<Solid> solids(String kind) {
        return solids.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    /** Builds a validated {@link WarehouseScenario}; outer walls are added by {@link #build()}. */
    public static final class Builder {
        private double width = 20;
        private double height = 12;
        private double tick = 0.01;
        private double leaseSeconds = 1.0;
        private double visitRadius = 0.5;
        private final List<Solid> solids = new ArrayList<>();
        private int randomObstacles;
        private final List<Dock> docks = new ArrayList<>();
        private final List<Place> places = new ArrayList<>();
        private final List<RobotStart> robots = new ArrayList<>();
        private RobotSpec robot = new RobotSpec(0.3, 1.0, 1.5, 1.0, 3.0);
        private LidarSpec lidar = new LidarSpec(360, 360, 0.1, 10, 0.01);
        private OdometrySpec odometry = new OdometrySpec(0.01, 0.01, 0.005);
        private BatterySpec battery = new BatterySpec(0.005, 0.2, 0.05, 0.5, 0.25);
        // entries of the standard layout come first; error paths count the caller's entries from 0
        private int layoutSolids;
        private int layoutDocks;
        private int layoutPlaces;

        Builder() {}

        private Builder markLayout() {
            layoutSolids = solids.size();
            layoutDocks = docks.size();
            layoutPlaces = places.size();
            return this;
        }

        /** Floor size in m; outer walls enclose [0, width] × [0, height]. */
        public Builder size(double width, double height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** Physics tick in s (default 0.01). */
        public Builder tick(double seconds) {
            this.tick = seconds;
            return this;
        }

        /** Default motion lease in s (default 1.0): a motion not renewed for this long stops. */
        public Builder leaseSeconds(double seconds) {
            this.leaseSeconds = seconds;
            return this;
        }

        /** A robot whose centre comes this close (m) to a place or dock has visited it (default 0.5). */
        public Builder visitRadius(double metres) {
            this.visitRadius = metres;
            return this;
        }

        /** An axis-aligned wall box centred at (x, y). */
        public Builder wall(String name, double x, double y, double width, double depth) {
            solids.add(new Solid(name, "wall", box(x, y, width, depth)));
            return this;
        }

        /** A shelf box centred at (x, y) and the point in its aisle where a robot stands to reach it. */
        public Builder shelf(String name, double x, double y, double width, double depth, double accessX, double accessY) {
            solids.add(new Solid(name, "shelf", box(x, y, width, depth)));
            places.add(new Place(name, "shelf", accessX, accessY));
            return this;
        }

        /** An axis-aligned obstacle box centred at (x, y). */
        public Builder obstacle(String name, double x, double y, double width, double depth) {
            solids.add(new Solid(name, "obstacle", box(x, y, width, depth)));
            return this;
        }

        /** A solid of any kind given as a simple polygon (≥ 3 points, either winding). */
        public Builder polygon(String name, String kind, List<double[]> points) {
            solids.add(new Solid(name, kind, points));
            return this;
        }

        /** This many 0.5 × 0.5 m boxes at free spots drawn from the seed (default 0). */
        public Builder randomObstacles(int count) {
            this.randomObstacles = count;
            return this;
        }

        public Builder dock(String name, double x, double y, double theta) {
            docks.add(new Dock(name, x, y, theta));
            return this;
        }

        public Builder place(String name, double x, double y) {
            places.add(new Place(name, "place", x, y));
            return this;
        }

        /** Adds a robot (battery in %). */
        public Builder robot(String name, double x, double y, double theta, double battery) {
            robots.add(new RobotStart(name, x, y, theta, battery));
            return this;
        }

        /** Removes all robots (to replace the standard layout's r1). */
        public Builder clearRobots() {
            robots.clear();
            return this;
        }

        public Builder robotSpec(RobotSpec spec) {
            this.robot = spec;
            return this;
        }

        public Builder lidar(LidarSpec spec) {
            this.lidar = spec;
            return this;
        }

        public Builder odometry(OdometrySpec spec) {
            this.odometry = spec;
            return this;
        }

        public Builder battery(BatterySpec spec) {
            this.battery = spec;
            return this;
        }

        RobotSpec robotSpec() {
            return robot;
        }

        LidarSpec lidarSpec() {
            return lidar;
        }

        OdometrySpec odometrySpec() {
            return odometry;
        }

        BatterySpec batterySpec() {
            return battery;
        }

        /**
         * Validates and builds.
         *
         * @throws ScenarioException naming the first bad field
         */
        public WarehouseScenario build() {
            within(WORLD, "size[0]", width, 2, 500, "m");
            within(WORLD, "size[1]", height, 2, 500, "m");
            within(WORLD, "tick", tick, 0.001, 0.1, "s");
            within(WORLD, "lease_seconds", leaseSeconds, 0.05, 600, "s");
            positive(WORLD, "visit_radius", visitRadius, "m");
            within(WORLD, "random_obstacles", randomObstacles, 0, 200, "");
            checkSpecs();

            List<Solid> all = new ArrayList<>(outerWalls());
            Set<String> solidNames = new HashSet<>();
            all.forEach(s -> solidNames.add(s.name()));
            Map<String, Integer> kindIndex = new java.util.HashMap<>();
            for (int k = 0; k < solids.size(); k++) {
                Solid s = solids.get(k);
                String field = k < layoutSolids ? "layout (" + s.name() + ")"
                        : plural(s.kind()) + "[" + (kindIndex.merge(s.kind(), 1, Integer::sum) - 1) + "]";
                requireName(field, s.name());
                if (!solidNames.add(s.name())) {
                    throw new ScenarioException(WORLD, field + ".name", "'" + s.name() + "' is used twice; names must be unique");
                }
                if (s.polygon().size() < 3) {
                    throw new ScenarioException(WORLD, field, "needs a polygon of at least 3 points, got " + s.polygon().size());
                }
                for (double[] p : s.polygon()) {
                    if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                        throw new ScenarioException(WORLD, field, "has a non-finite point");
                    }
                }
                all.add(s);
            }
            FloorMap map = new FloorMap(all);
            Set<String> placeNames = new HashSet<>();
            for (int i = 0; i < docks.size(); i++) {
                Dock d = docks.get(i);
                String field = i < layoutDocks ? "layout (" + d.name() + ")" : "docks[" + (i - layoutDocks) + "]";
                requireName(field, d.name());
                unique(placeNames, field, d.name());
                checkFree(map, field, d.x(), d.y(), robot.radius());
            }
            int shelfIndex = 0;
            int placeIndex = 0;
            for (int i = 0; i < places.size(); i++) {
                Place p = places.get(i);
                String field = i < layoutPlaces ? "layout (" + p.name() + ")"
                        : p.kind().equals("shelf") ? "shelves[" + shelfIndex++ + "].access" : "places[" + placeIndex++ + "]";
                requireName(field, p.name());
                unique(placeNames, field, p.name());
                checkFree(map, field, p.x(), p.y(), robot.radius());
            }
            if (robots.isEmpty()) {
                throw new ScenarioException(WORLD, "robots", "needs at least one robot");
            }
            Set<String> robotNames = new HashSet<>();
            for (int i = 0; i < robots.size(); i++) {
                RobotStart r = robots.get(i);
                String field = "robots[" + i + "]";
                requireName(field, r.name());
                if (!robotNames.add(r.name())) {
                    throw new ScenarioException(WORLD, field + ".name", "'" + r.name() + "' is used twice; robot names must be unique");
                }
                within(WORLD, field + ".battery", r.battery(), 0, 100, "%");
                if (!Double.isFinite(r.theta())) {
                    throw new ScenarioException(WORLD, field + ".theta", "must be a finite angle in rad, got " + r.theta());
                }
                checkFree(map, field, r.x(), r.y(), robot.radius());
                for (int j = 0; j < i; j++) {
                    RobotStart o = robots.get(j);
                    if (Math.hypot(o.x() - r.x(), o.y() - r.y()) < 2 * robot.radius()) {
                        throw new ScenarioException(WORLD, field, "at (" + Fields.text(r.x()) + ", " + Fields.text(r.y())
                                + ") overlaps robot " + o.name() + "; robots need " + Fields.text(2 * robot.radius()) + " m between centres");
                    }
                }
            }
            return new WarehouseScenario(width, height, tick, leaseSeconds, visitRadius, all, randomObstacles,
                    List.copyOf(docks), List.copyOf(places), List.copyOf(robots), robot, lidar, odometry, battery);
        }

        private void checkSpecs() {
            positive(WORLD, "robot.radius", robot.radius(), "m");
            within(WORLD, "robot.radius", robot.radius(), 0.05, 2, "m");
            positive(WORLD, "robot.max_speed", robot.maxSpeed(), "m/s");
            positive(WORLD, "robot.max_angular_speed", robot.maxAngularSpeed(), "rad/s");
            positive(WORLD, "robot.max_acceleration", robot.maxAcceleration(), "m/s²");
            positive(WORLD, "robot.max_angular_acceleration", robot.maxAngularAcceleration(), "rad/s²");
            within(WORLD, "lidar.beams", lidar.beams(), 1, 4096, "");
            within(WORLD, "lidar.fov", lidar.fovDegrees(), 1, 360, "degrees");
            positive(WORLD, "lidar.range_min", lidar.rangeMin(), "m");
            if (!(lidar.rangeMax() > lidar.rangeMin()) || Double.isInfinite(lidar.rangeMax())) {
                throw new ScenarioException(WORLD, "lidar.range_max", "must be greater than range_min ("
                        + Fields.text(lidar.rangeMin()) + " m), got " + Fields.text(lidar.rangeMax()));
            }
            nonNegative(WORLD, "lidar.noise", lidar.noise(), "m");
            nonNegative(WORLD, "odometry.scale_error", odometry.scaleError(), "");
            nonNegative(WORLD, "odometry.yaw_error", odometry.yawError(), "");
            nonNegative(WORLD, "odometry.noise", odometry.noise(), "m/√m");
            nonNegative(WORLD, "battery.idle_drain", battery.idleDrain(), "%/s");
            nonNegative(WORLD, "battery.drain_per_meter", battery.drainPerMeter(), "%/m");
            nonNegative(WORLD, "battery.drain_per_radian", battery.drainPerRadian(), "%/rad");
            nonNegative(WORLD, "battery.charge_rate", battery.chargeRate(), "%/s");
            positive(WORLD, "battery.dock_radius", battery.dockRadius(), "m");
        }

        private void checkFree(FloorMap map, String field, double x, double y, double radius) {
            if (!(x >= 0 && x <= width && y >= 0 && y <= height)) {
                throw new ScenarioException(WORLD, field, "at (" + Fields.text(x) + ", " + Fields.text(y)
                        + ") is outside the floor 0.." + Fields.text(width) + " × 0.." + Fields.text(height) + " m");
            }
            String blocker = map.blockedBy(x, y, radius);
            if (blocker != null) {
                throw new ScenarioException(WORLD, field, "at (" + Fields.text(x) + ", " + Fields.text(y) + ") overlaps "
                        + blocker + " for a robot of radius " + Fields.text(radius) + " m; move it to a free spot");
            }
        }

        private static void requireName(String field, String name) {
            if (name == null || name.isBlank()) {
                throw new ScenarioException(WORLD, field + ".name", "is required");
            }
        }

        private static void unique(Set<String> names, String field, String name) {
            if (!names.add(name)) {
                throw new ScenarioException(WORLD, field + ".name", "'" + name + "' is used twice; place and dock names must be unique");
            }
        }

        private static String plural(String kind) {
            return kind.equals("shelf") ? "shelves" : kind + "s";
        }

        private List<Solid> outerWalls() {
            double t = 0.2;
            return List.of(
                    new Solid("wall_south", "wall", box(width / 2, -t / 2, width + 2 * t, t)),
                    new Solid("wall_north", "wall", box(width / 2, height + t / 2, width + 2 * t, t)),
                    new Solid("wall_west", "wall", box(-t / 2, height / 2, t, height)),
                    new Solid("wall_east", "wall", box(width + t / 2, height / 2, t, height)));
        }

        static List<double[]> box(double cx, double cy, double w, double d) {
            return List.of(
                    new double[] {cx - w / 2, cy - d / 2},
                    new double[] {cx + w / 2, cy - d / 2},
                    new double[] {cx + w / 2, cy + d / 2},
                    new double[] {cx - w / 2, cy + d / 2});
        }
    }
}
