package io.codeact.bridge.sim.tabletop;

import io.codeact.bridge.sim.internal.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The camera: reports the blocks and bins whose centre is in view and whose top is not covered by
 * another block, with gaussian position noise. Overhead: a fixed rectangle of the table. Wrist: a
 * square under the gripper that grows with height ({@code fov} cone from the tip).
 */
final class Camera {
    private final TabletopScenario.CameraSpec spec;

    Camera(TabletopScenario.CameraSpec spec) {
        this.spec = spec;
    }

    /** The view rectangle [x_min, y_min, x_max, y_max] for the arm's current pose. */
    double[] view(Arm arm) {
        if (spec.mount().equals("overhead")) {
            return spec.view();
        }
        double half = Math.max(0.02, Math.max(0, arm.z) * Math.tan(Math.toRadians(spec.fovDegrees() / 2)));
        return new double[] {arm.x - half, arm.y - half, arm.x + half, arm.y + half};
    }

    Map<String, Object> detect(TabletopWorld world) {
        double[] v = view(world.arm);
        double noise = spec.noise();
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (Block b : world.blocks) {
            if (!in(v, b.x, b.y) || covered(b, world.blocks)) {
                continue;
            }
            blocks.add(Fields.of("name", b.name, "color", b.color, "size", b.size,
                    "x", Fields.mm(b.x + world.cameraNoise.nextGaussian() * noise),
                    "y", Fields.mm(b.y + world.cameraNoise.nextGaussian() * noise),
                    "z", Fields.mm(b.z + world.cameraNoise.nextGaussian() * noise),
                    "held", b == world.arm.held));
        }
        List<Map<String, Object>> bins = new ArrayList<>();
        for (TabletopScenario.Bin bin : world.scenario().bins()) {
            if (in(v, bin.x(), bin.y())) {
                bins.add(Fields.of("name", bin.name(), "color", bin.color(),
                        "x", Fields.mm(bin.x() + world.cameraNoise.nextGaussian() * noise),
                        "y", Fields.mm(bin.y() + world.cameraNoise.nextGaussian() * noise),
                        "width", bin.width(), "depth", bin.depth()));
            }
        }
        return Fields.of("blocks", blocks, "bins", bins, "view", List.of(Fields.mm(v[0]), Fields.mm(v[1]), Fields.mm(v[2]), Fields.mm(v[3])),
                "t", Fields.mm(world.clock().seconds()));
    }

    private static boolean in(double[] v, double x, double y) {
        return x >= v[0] && x <= v[2] && y >= v[1] && y <= v[3];
    }

    /** Whether another block lies above this one over its centre (a top-down camera cannot see it). */
    private static boolean covered(Block b, List<Block> blocks) {
        for (Block o : blocks) {
            if (o != b && o.bottom() >= b.top() - 1e-6 && o.coversXY(b.x, b.y)) {
                return true;
            }
        }
        return false;
    }
}
