package io.codeact.bridge.sim.tabletop;

/** One cube block: its centre (m), and what it rests on ({@code table}, a block, a bin, {@code floor}, {@code gripper}). */
final class Block {
    final String name;
    final String color;
    final double size;
    double x;
    double y;
    double z;
    String on;

    Block(String name, String color, double size, double x, double y, double z, String on) {
        this.name = name;
        this.color = color;
        this.size = size;
        this.x = x;
        this.y = y;
        this.z = z;
        this.on = on;
    }

    double half() {
        return size / 2;
    }

    double top() {
        return z + size / 2;
    }

    double bottom() {
        return z - size / 2;
    }

    /** Whether the footprints of two blocks overlap (strictly, in x and y). */
    boolean overlapsXY(double ox, double oy, double otherSize) {
        double gap = (size + otherSize) / 2 - 1e-9;
        return Math.abs(x - ox) < gap && Math.abs(y - oy) < gap;
    }

    /** Whether (px, py) lies on this block's top face. */
    boolean coversXY(double px, double py) {
        return Math.abs(px - x) <= half() && Math.abs(py - y) <= half();
    }
}
