package io.codeact.bridge.sim.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SVG document being written: elements appended in drawing order (later ones on top), numbers in
 * {@link Locale#ROOT}, text escaped. Also the small helpers every plot shares: the colour cycle, round
 * axis ticks, and lenient readers for the plain maps and lists a {@code state()} is made of (a state read
 * back from an episode log has {@code Long}s where a live one has {@code Double}s). Not thread-safe.
 *
 * <pre>{@code
 * SvgCanvas svg = new SvgCanvas(400, 300);
 * svg.rect(10, 10, 100, 50, "fill='#eee'");
 * svg.text(20, 30, 12, "#222", "start", "hello");
 * String doc = svg.finish();
 * }</pre>
 */
public final class SvgCanvas {
    /** Line colours, cycled by series or robot. */
    public static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"};
    /** The colour of safety marks (refusals, stops, halts). */
    static final String SAFETY = "#d62728";

    private final StringBuilder out = new StringBuilder();

    public SvgCanvas(double width, double height) {
        out.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%.0f' height='%.0f' viewBox='0 0 %.0f %.0f'>%n",
                width, height, width, height));
        raw("<rect x='0' y='0' width='100%' height='100%' fill='white'/>");
    }

    /** Appends one element as written; the caller escapes any text in it. */
    public SvgCanvas raw(String element) {
        out.append(element).append('\n');
        return this;
    }

    /** A rectangle; {@code attrs} like {@code "fill='#eee' class='bin'"}. */
    SvgCanvas rect(double x, double y, double w, double h, String attrs) {
        return raw(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' %s/>", x, y, Math.max(w, 0), Math.max(h, 0), attrs));
    }

    /** A rectangle with a tooltip. */
    SvgCanvas rect(double x, double y, double w, double h, String attrs, String title) {
        return raw(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' %s><title>%s</title></rect>",
                x, y, Math.max(w, 0), Math.max(h, 0), attrs, escape(title)));
    }

    SvgCanvas line(double x1, double y1, double x2, double y2, String attrs) {
        return raw(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' %s/>", x1, y1, x2, y2, attrs));
    }

    SvgCanvas circle(double cx, double cy, double r, String attrs) {
        return raw(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='%.1f' %s/>", cx, cy, r, attrs));
    }

    /** A polyline through pixel points {@code [x, y]}; nothing for fewer than two. */
    SvgCanvas polyline(List<double[]> points, String attrs) {
        if (points.size() < 2) {
            return this;
        }
        StringBuilder p = new StringBuilder();
        for (double[] xy : points) {
            p.append(String.format(Locale.ROOT, "%.1f,%.1f ", xy[0], xy[1]));
        }
        return raw("<polyline fill='none' " + attrs + " points='" + p.toString().trim() + "'/>");
    }

    /** An ✕ of half-size {@code r} at a pixel point, with a tooltip. */
    SvgCanvas cross(double x, double y, double r, String cls, String color, String title) {
        return raw(String.format(Locale.ROOT, "<path class='%s' d='M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f' stroke='%s' stroke-width='3'><title>%s</title></path>",
                cls, x - r, y - r, x + r, y + r, x - r, y + r, x + r, y - r, color, escape(title)));
    }

    /** Text at a pixel point; {@code anchor} start, middle or end. The text is escaped. */
    SvgCanvas text(double x, double y, double size, String color, String anchor, String text) {
        return raw(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='%.0f' text-anchor='%s' fill='%s'>%s</text>",
                x, y, size, anchor, color, escape(text)));
    }

    /** The finished document. */
    public String finish() {
        return out.append("</svg>\n").toString();
    }

    /** Escapes XML's five special characters. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }

    /** About five round tick values covering [lo, hi]. */
    public static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3 ? 2 * mag : raw / mag < 7 ? 5 * mag : 10 * mag;
        double first = Math.floor(lo / step) * step;
        List<Double> out = new ArrayList<>();
        for (double v = first; v <= hi + step * 0.999; v += step) {
            out.add(Math.round(v / step) * step);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A tick value without float noise: {@code 0.5}, {@code 2000}. */
    static String tickText(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    /** A map, or empty for anything else (absent parts of a state draw nothing). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapOrEmpty(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * A map that must be there.
     *
     * @throws IllegalArgumentException naming {@code what} and the world whose {@code state()} to pass
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what, String world) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("SvgPlot: " + what + " must be a map, got " + (o == null ? "nothing" : o.getClass().getSimpleName())
                + "; pass a " + world + " world's state()");
    }

    /** @throws IllegalArgumentException if {@code o} is not a number */
    static double num(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("SvgPlot: expected a number, got " + o);
    }

    /** A number, or {@code otherwise} when {@code o} is not one. */
    static double num(Object o, double otherwise) {
        return o instanceof Number n ? n.doubleValue() : otherwise;
    }
}
