package io.codeact.bridge.sim.tabletop;

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
 * A table with an arm, coloured cube blocks, open bins and a camera. The table top is the plane
 * z = 0; positions are block centres in m. Immutable and validated: {@link Builder#build()} and
 * {@link #fromMap} throw {@link ScenarioException} naming the YAML field.
 *
 * <pre>{@code
 * TabletopScenario s = TabletopScenario.standardBuilder().block("purple_block", "purple", 0.04, 0.5, 0.3, null).build();
 * }</pre>
 */
public record TabletopScenario(
        Table table,
        ArmSpec arm,
        double gripperTolerance,
        double gripperMaxOpening,
        CameraSpec camera,
        List<BlockStart> blocks,
        int randomBlocks,
        List<Bin> bins,
        double tick,
        double leaseSeconds) {

    static final String WORLD = "tabletop";

    /** The table top's extent; it is the plane z = 0. */
    public record Table(double xMin, double xMax, double yMin, double yMax) {}

    /**
     * The arm: its shoulder at {@code base}, reachable when the distance from the shoulder is within
     * {@code reachMin..reachMax} and 0 ≤ z ≤ {@code zMax}; straight-line moves at {@code speed} (≤ {@code maxSpeed}).
     */
    public record ArmSpec(double[] base, double reachMin, double reachMax, double zMax, double speed, double maxSpeed, double[] home) {}

    /** {@code overhead}: a fixed view rectangle on the table; {@code wrist}: a cone below the gripper of {@code fovDegrees}. */
    public record CameraSpec(String mount, double[] view, double fovDegrees, double noise) {}

    /** A cube block; {@code on} names a block it starts stacked on, or is null for the table (or a bin). */
    public record BlockStart(String name, String color, double size, double x, double y, String on) {}

    /** An open box on the table: a block whose centre lands inside its rectangle is in the bin. */
    public record Bin(String name, String color, double x, double y, double width, double depth, double height) {}

    /** The standard scene: four blocks of different sizes and colours, a red and a blue bin. */
    public static TabletopScenario standard() {
        return standardBuilder().build();
    }

    public static Builder standardBuilder() {
        return new Builder()
                .block("red_block", "red", 0.05, 0.45, -0.2, null)
                .block("green_block", "green", 0.04, 0.55, 0.0, null)
                .block("blue_block", "blue", 0.03, 0.40, 0.15, null)
                .block("yellow_block", "yellow", 0.06, 0.62, 0.25, null)
                .bin("red_bin", "red", 0.7, -0.35, 0.16, 0.16, 0.08)
                .bin("blue_bin", "blue", 0.25, 0.45, 0.16, 0.16, 0.08);
    }

    /** A builder with the standard table, arm and camera and no blocks or bins. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the YAML/map form; an empty map gives {@link #standard()}.
     *
     * @throws ScenarioException naming the field for any bad or unknown value
     */
    public static TabletopScenario fromMap(Map<String, ?> map) {
        return TabletopScenarioReader.read(map);
    }

    /** Builds a validated {@link TabletopScenario}. */
    public static final class Builder {
        Table table = new Table(0, 0.9, -0.6, 0.6);
        ArmSpec arm = new ArmSpec(new double[] {0, 0, 0.1}, 0.12, 0.85, 0.6, 0.2, 0.5, new double[] {0.3, 0, 0.3});
        double gripperTolerance = 0.02;
        double gripperMaxOpening = 0.08;
        CameraSpec camera = new CameraSpec("overhead", new double[] {0.15, -0.5, 0.9, 0.5}, 60, 0.003);
        final List<BlockStart> blocks = new ArrayList<>();
        int randomBlocks;
        final List<Bin> bins = new ArrayList<>();
        double tick = 0.01;
        double leaseSeconds = 1.0;

        Builder() {}

        public Builder table(double xMin, double xMax, double yMin, double yMax) {
            this.table = new Table(xMin, xMax, yMin, yMax);
            return this;
        }

        public Builder arm(ArmSpec arm) {
            this.arm = arm;
            return this;
        }

        /** How far (m) the gripper may be off a block's centre in x and y and still grasp it; widest block it can hold. */
        public Builder gripper(double tolerance, double maxOpening) {
            this.gripperTolerance = tolerance;
            this.gripperMaxOpening = maxOpening;
            return this;
        }

        public Builder camera(CameraSpec camera) {
            this.camera = camera;
            return this;
        }

        /** A cube of edge {@code size} m at (x, y) on the table, or on top of block {@code on} (x, y then relative offsets). */
        public Builder block(String name, String color, double size, double x, double y, String on) {
            blocks.add(new BlockStart(name, color, size, x, y, on));
            return this;
        }

        public Builder clearBlocks() {
            blocks.clear();
            return this;
        }

        /** This many extra blocks of random colour and size at free spots drawn from the seed. */
        public Builder randomBlocks(int count) {
            this.randomBlocks = count;
            return this;
        }

        public Builder bin(String name, String color, double x, double y, double width, double depth, double height) {
            bins.add(new Bin(name, color, x, y, width, depth, height));
            return this;
        }

        public Builder clearBins() {
            bins.clear();
            return this;
        }

        public Builder tick(double seconds) {
            this.tick = seconds;
            return this;
        }

        public Builder leaseSeconds(double seconds) {
            this.leaseSeconds = seconds;
            return this;
        }

        /**
         * @throws ScenarioException naming the first bad field
         */
        public TabletopScenario build() {
            if (!(table.xMax() > table.xMin()) || !(table.yMax() > table.yMin())) {
                throw new ScenarioException(WORLD, "table", "needs x_max > x_min and y_max > y_min");
            }
            positive(WORLD, "arm.reach_max", arm.reachMax(), "m");
            within(WORLD, "arm.reach_min", arm.reachMin(), 0, arm.reachMax(), "m");
            positive(WORLD, "arm.z_max", arm.zMax(), "m");
            positive(WORLD, "arm.max_speed", arm.maxSpeed(), "m/s");
            within(WORLD, "arm.speed", arm.speed(), 0.001, arm.maxSpeed(), "m/s");
            if (!reachable(arm, arm.home()[0], arm.home()[1], arm.home()[2])) {
                throw new ScenarioException(WORLD, "arm.home", "(" + point(arm.home()) + ") is out of the arm's reach");
            }
            within(WORLD, "gripper.tolerance", gripperTolerance, 0.001, 0.1, "m");
            within(WORLD, "gripper.max_opening", gripperMaxOpening, 0.005, 0.5, "m");
            if (!camera.mount().equals("overhead") && !camera.mount().equals("wrist")) {
                throw new ScenarioException(WORLD, "camera.mount", "must be 'overhead' or 'wrist', got '" + camera.mount() + "'");
            }
            if (!(camera.view()[2] > camera.view()[0]) || !(camera.view()[3] > camera.view()[1])) {
                throw new ScenarioException(WORLD, "camera.view", "must be [x_min, y_min, x_max, y_max] with max > min");
            }
            within(WORLD, "camera.fov", camera.fovDegrees(), 1, 170, "degrees");
            nonNegative(WORLD, "camera.noise", camera.noise(), "m");
            within(WORLD, "tick", tick, 0.001, 0.1, "s");
            within(WORLD, "lease_seconds", leaseSeconds, 0.05, 600, "s");
            within(WORLD, "random_blocks", randomBlocks, 0, 30, "");
            Set<String> names = new HashSet<>();
            for (int i = 0; i < bins.size(); i++) {
                Bin b = bins.get(i);
                String f = "bins[" + i + "]";
                name(names, f, b.name());
                positive(WORLD, f + ".width", b.width(), "m");
                positive(WORLD, f + ".depth", b.depth(), "m");
                positive(WORLD, f + ".height", b.height(), "m");
                onTable(f, b.x(), b.y());
            }
            for (int i = 0; i < blocks.size(); i++) {
                BlockStart b = blocks.get(i);
                String f = "blocks[" + i + "]";
                name(names, f, b.name());
                within(WORLD, f + ".size", b.size(), 0.01, 0.15, "m");
                if (b.color() == null || b.color().isBlank()) {
                    throw new ScenarioException(WORLD, f + ".color", "is required");
                }
                if (b.on() != null) {
                    if (blocks.subList(0, i).stream().noneMatch(o -> o.name().equals(b.on()))) {
                        throw new ScenarioException(WORLD, f + ".on", "names '" + b.on() + "', which is not a block listed before it");
                    }
                } else {
                    onTable(f, b.x(), b.y());
                    for (int j = 0; j < i; j++) {
                        BlockStart o = blocks.get(j);
                        double gap = (o.size() + b.size()) / 2;
                        if (o.on() == null && Math.abs(o.x() - b.x()) < gap && Math.abs(o.y() - b.y()) < gap) {
                            throw new ScenarioException(WORLD, f, "at (" + Fields.text(b.x()) + ", " + Fields.text(b.y()) + ") overlaps "
                                    + o.name() + "; move it or give on: " + o.name() + " to stack it");
                        }
                    }
                }
            }
            return new TabletopScenario(table, arm, gripperTolerance, gripperMaxOpening, camera, List.copyOf(blocks),
                    randomBlocks, List.copyOf(bins), tick, leaseSeconds);
        }

        private void onTable(String field, double x, double y) {
            if (!(x >= table.xMin() && x <= table.xMax() && y >= table.yMin() && y <= table.yMax())) {
                throw new ScenarioException(WORLD, field, "at (" + Fields.text(x) + ", " + Fields.text(y) + ") is off the table "
                        + Fields.text(table.xMin()) + ".." + Fields.text(table.xMax()) + " × " + Fields.text(table.yMin()) + ".." + Fields.text(table.yMax()) + " m");
            }
        }

        private static void name(Set<String> names, String field, String name) {
            if (name == null || name.isBlank()) {
                throw new ScenarioException(WORLD, field + ".name", "is required");
            }
            if (!names.add(name)) {
                throw new ScenarioException(WORLD, field + ".name", "'" + name + "' is used twice; block and bin names must be unique");
            }
        }
    }

    /** Whether the gripper tip can be at (x, y, z). */
    static boolean reachable(ArmSpec arm, double x, double y, double z) {
        double d = distanceFromShoulder(arm, x, y, z);
        return d >= arm.reachMin() - 1e-9 && d <= arm.reachMax() + 1e-9 && z >= -1e-9 && z <= arm.zMax() + 1e-9;
    }

    static double distanceFromShoulder(ArmSpec arm, double x, double y, double z) {
        double[] b = arm.base();
        return Math.sqrt((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1]) + (z - b[2]) * (z - b[2]));
    }

    static String point(double[] p) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < p.length; i++) {
            s.append(i == 0 ? "" : ", ").append(Fields.text(p[i]));
        }
        return s.toString();
    }
}
