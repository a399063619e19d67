package io.codeact.bridge.sim.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Result maps in a stable key order, and numbers rounded for people and models to read. */
public final class Fields {
    private Fields() {}

    /** An ordered, mutable map from alternating keys and values. */
    public static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static final double[] SCALES = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    /** Rounded to {@code decimals} places (half up, 0..8); keeps results readable in Python's repr. */
    public static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = SCALES[decimals];
        return Math.round(value * scale) / scale;
    }

    /** Rounded to millimetres / milliradians. */
    public static double mm(double value) {
        return round(value, 3);
    }

    /** A number as it should read in an error message: at most 3 decimals, no trailing zeros. */
    public static String text(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        String s = BigDecimal.valueOf(round(value, 3)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** {@code [x, y]} rounded to millimetres. */
    public static List<Double> xy(double x, double y) {
        return List.of(mm(x), mm(y));
    }
}
