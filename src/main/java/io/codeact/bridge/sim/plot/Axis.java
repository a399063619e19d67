package io.codeact.bridge.sim.plot;

import java.util.function.DoubleUnaryOperator;

/**
 * A linear axis from data values to pixels, widened to round ticks: {@code px(lo)} is {@code from},
 * {@code px(hi)} is {@code to} (either order, so a value axis can grow upwards). An empty or inverted
 * range becomes one unit around its value.
 */
record Axis(double lo, double hi, double from, double to, double[] ticks) implements DoubleUnaryOperator {
    static Axis of(double lo, double hi, double from, double to) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (!(hi > lo)) {
            double mid = lo;
            lo = mid - 0.5;
            hi = mid + 0.5;
            if (mid >= 0 && lo < 0) {
                lo = mid;
                hi = mid + 1;
            }
        }
        double[] t = SvgCanvas.ticks(lo, hi);
        return new Axis(Math.min(lo, t[0]), Math.max(hi, t[t.length - 1]), from, to, t);
    }

    /** The pixel of a value. */
    double px(double v) {
        return from + (v - lo) / (hi - lo) * (to - from);
    }

    @Override
    public double applyAsDouble(double v) {
        return px(v);
    }
}
