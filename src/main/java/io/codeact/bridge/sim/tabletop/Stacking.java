package io.codeact.bridge.sim.tabletop;

import java.util.List;

/**
 * Where a released block comes to rest: straight down onto the highest surface under its footprint
 * (a block, a bin floor, the table, or the floor beside the table). A block whose centre is not over
 * the block it lands on tips off that block's side and falls again. Quasi-static: no bouncing,
 * sliding or toppling of the blocks underneath.
 */
final class Stacking {
    static final double FLOOR_Z = -0.75;

    private Stacking() {}

    static void drop(Block block, List<Block> blocks, TabletopScenario scenario) {
        for (int attempt = 0; attempt < 12; attempt++) {
            Block support = null;
            double surface = onTable(block, scenario) ? 0 : FLOOR_Z;
            for (Block other : blocks) {
                if (other == block || "gripper".equals(other.on)) {
                    continue;
                }
                if (block.overlapsXY(other.x, other.y, other.size) && other.top() <= block.bottom() + 1e-6 && other.top() > surface) {
                    surface = other.top();
                    support = other;
                }
            }
            if (support != null && !support.coversXY(block.x, block.y)) {
                // the centre of mass overhangs: it tips off on the side it leans to
                double dx = block.x - support.x;
                double dy = block.y - support.y;
                double clear = support.half() + block.half() + 0.001;
                if (Math.abs(dx) >= Math.abs(dy)) {
                    block.x = support.x + Math.copySign(clear, dx);
                } else {
                    block.y = support.y + Math.copySign(clear, dy);
                }
                block.z = Math.max(block.z, support.top() + block.half());
                continue;
            }
            block.z = surface + block.half();
            block.on = support != null ? support.name : surface == 0 ? binAt(block.x, block.y, scenario) : "floor";
            return;
        }
        block.z = (onTable(block, scenario) ? 0 : FLOOR_Z) + block.half();
        block.on = onTable(block, scenario) ? binAt(block.x, block.y, scenario) : "floor";
    }

    static boolean onTable(Block b, TabletopScenario s) {
        TabletopScenario.Table t = s.table();
        return b.x >= t.xMin() && b.x <= t.xMax() && b.y >= t.yMin() && b.y <= t.yMax();
    }

    /** The bin whose rectangle contains (x, y), or {@code "table"}. */
    static String binAt(double x, double y, TabletopScenario s) {
        TabletopScenario.Bin bin = binContaining(x, y, s);
        return bin == null ? "table" : bin.name();
    }

    static TabletopScenario.Bin binContaining(double x, double y, TabletopScenario s) {
        for (TabletopScenario.Bin bin : s.bins()) {
            if (Math.abs(x - bin.x()) <= bin.width() / 2 && Math.abs(y - bin.y()) <= bin.depth() / 2) {
                return bin;
            }
        }
        return null;
    }
}
