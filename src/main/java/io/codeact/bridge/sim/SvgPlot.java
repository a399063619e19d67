package io.codeact.bridge.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws simulator data as standalone SVG text: a warehouse map (walls, shelves, obstacles, docks,
 * places, each robot's path and pose, goals) from a warehouse {@link World#state()} map, and time
 * series (battery, temperature, ...) on shared axes. Works on plain maps and arrays, so states read back
 * from an episode log plot the same as live ones. Stateless and thread-safe.
 *
 * <pre>{@code
 * String map = SvgPlot.warehouse(world.state(), List.of(new double[] {18, 1.5}));
 * String chart = SvgPlot.timeSeries("Battery", List.of(new SvgPlot.Series("r1", "%", times, levels)));
 * }</pre>
 */
public final class SvgPlot {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"};
    private static final double PX_PER_M = 40;
    private static final double PAD = 30;

    /** One line of a time-series chart: sample times (s) and values in {@code unit}. */
    public record Series(String name, String unit, double[] times, double[] values) {
        public Series {
            if (times.length != values.length) {
                throw new IllegalArgumentException("series " + name + " has " + times.length + " times but " + values.length + " values");
            }
        }
    }

    private SvgPlot() {}

    /**
     * The warehouse map of a warehouse state, with robot paths and poses and the given goals.
     *
     * @param state a warehouse {@code state()} map (needs {@code map}; {@code robots} is optional)
     * @param goals points {@code [x, y]} to mark, e.g. the places a task asked for
     * @throws IllegalArgumentException if the state has no {@code map} entry
     */
    public static String warehouse(Map<String, ?> state, List<double[]> goals) {
        Map<String, ?> map = asMap(state.get("map"), "state.map");
        double w = num(map.get("width"));
        double h = num(map.get("height"));
        Svg svg = new Svg(w * PX_PER_M + 2 * PAD, h * PX_PER_M + 2 * PAD + 24, h);
        svg.raw("<rect x='0' y='0' width='100%' height='100%' fill='white'/>");
        svg.raw(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='#f4f4f0' stroke='none'/>",
                svg.x(0), svg.y(h), w * PX_PER_M, h * PX_PER_M));
        polygons(svg, map.get("walls"), "#444444", "wall");
        polygons(svg, map.get("shelves"), "#a0522d", "shelf");
        polygons(svg, map.get("obstacles"), "#ff8c00", "obstacle");
        for (Object o : list(map.get("docks"))) {
            Map<String, ?> d = asMap(o, "dock");
            double x = num(d.get("x"));
            double y = num(d.get("y"));
            svg.raw(String.format(Locale.ROOT, "<rect class='dock' x='%.1f' y='%.1f' width='16' height='16' fill='#2ca02c' opacity='0.7'/>",
                    svg.x(x) - 8, svg.y(y) - 8));
            svg.label(x, y, 0.35, String.valueOf(d.get("name")), "#2ca02c");
        }
        for (Object o : list(map.get("places"))) {
            Map<String, ?> p = asMap(o, "place");
            double x = num(p.get("x"));
            double y = num(p.get("y"));
            svg.raw(String.format(Locale.ROOT, "<circle class='place' cx='%.1f' cy='%.1f' r='4' fill='#1f77b4'/>", svg.x(x), svg.y(y)));
            svg.label(x, y, 0.25, String.valueOf(p.get("name")), "#1f77b4");
        }
        int i = 0;
        Object robots = state.get("robots");
        if (robots instanceof Map<?, ?> rs) {
            for (Map.Entry<?, ?> e : rs.entrySet()) {
                String color = COLORS[i++ % COLORS.length];
                Map<String, ?> r = asMap(e.getValue(), "robot");
                StringBuilder points = new StringBuilder();
                for (Object p : list(r.get("path"))) {
                    List<?> xy = (List<?>) p;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", svg.x(num(xy.get(0))), svg.y(num(xy.get(1)))));
                }
                double x = num(r.get("x"));
                double y = num(r.get("y"));
                double theta = r.get("theta") == null ? 0 : num(r.get("theta"));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f", svg.x(x), svg.y(y)));
                svg.raw("<polyline class='path' fill='none' stroke='" + color + "' stroke-width='2' points='" + points.toString().trim() + "'/>");
                svg.raw(String.format(Locale.ROOT, "<circle class='robot' cx='%.1f' cy='%.1f' r='%.1f' fill='%s' fill-opacity='0.35' stroke='%s'/>",
                        svg.x(x), svg.y(y), 0.3 * PX_PER_M, color, color));
                svg.raw(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s' stroke-width='2'/>",
                        svg.x(x), svg.y(y), svg.x(x + 0.45 * Math.cos(theta)), svg.y(y + 0.45 * Math.sin(theta)), color));
                svg.label(x, y, -0.55, String.valueOf(e.getKey()), color);
            }
        }
        for (double[] g : goals) {
            double gx = svg.x(g[0]);
            double gy = svg.y(g[1]);
            svg.raw(String.format(Locale.ROOT, "<path class='goal' d='M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f' stroke='#d62728' stroke-width='3'/>",
                    gx - 7, gy - 7, gx + 7, gy + 7, gx - 7, gy + 7, gx + 7, gy - 7));
        }
        Object t = state.get("t");
        svg.raw(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='13' fill='#333'>%s</text>",
                PAD, h * PX_PER_M + 2 * PAD + 14, escape("warehouse " + num(map.get("width")) + " × " + num(map.get("height")) + " m"
                        + (t == null ? "" : String.format(Locale.ROOT, ", t = %.1f s", num(t))))
                        + "  <tspan fill='#444444'>■ wall</tspan> <tspan fill='#a0522d'>■ shelf</tspan> <tspan fill='#ff8c00'>■ obstacle</tspan>"
                        + " <tspan fill='#2ca02c'>■ dock</tspan> <tspan fill='#1f77b4'>● place</tspan> <tspan fill='#d62728'>✕ goal</tspan>"));
        return svg.finish();
    }

    /**
     * A line chart of one or more series against sim time (s), with axes, ticks and a legend.
     *
     * @throws IllegalArgumentException if there is no series
     */
    public static String timeSeries(String title, List<Series> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("timeSeries(" + title + ") needs at least one series");
        }
        double width = 720;
        double height = 360;
        double left = 64;
        double right = 16;
        double top = 36;
        double bottom = 48;
        double t0 = Double.POSITIVE_INFINITY;
        double t1 = Double.NEGATIVE_INFINITY;
        double v0 = Double.POSITIVE_INFINITY;
        double v1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.times().length; i++) {
                t0 = Math.min(t0, s.times()[i]);
                t1 = Math.max(t1, s.times()[i]);
                v0 = Math.min(v0, s.values()[i]);
                v1 = Math.max(v1, s.values()[i]);
            }
        }
        if (!(t1 > t0)) {
            t1 = (Double.isFinite(t0) ? t0 : 0) + 1;
            t0 = t1 - 1;
        }
        if (!(v1 > v0)) {
            double mid = Double.isFinite(v0) ? v0 : 0;
            v0 = mid - 1;
            v1 = mid + 1;
        }
        double[] tTicks = ticks(t0, t1);
        double[] vTicks = ticks(v0, v1);
        t0 = Math.min(t0, tTicks[0]);
        t1 = Math.max(t1, tTicks[tTicks.length - 1]);
        v0 = Math.min(v0, vTicks[0]);
        v1 = Math.max(v1, vTicks[vTicks.length - 1]);
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        final double ft0 = t0;
        final double ft1 = t1;
        final double fv0 = v0;
        final double fv1 = v1;
        java.util.function.DoubleUnaryOperator px = t -> left + (t - ft0) / (ft1 - ft0) * plotW;
        java.util.function.DoubleUnaryOperator py = v -> top + plotH - (v - fv0) / (fv1 - fv0) * plotH;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%.0f' height='%.0f' viewBox='0 0 %.0f %.0f'>%n",
                width, height, width, height));
        out.append("<rect x='0' y='0' width='100%' height='100%' fill='white'/>\n");
        out.append(String.format(Locale.ROOT, "<text x='%.1f' y='22' font-family='sans-serif' font-size='15' fill='#222'>%s</text>%n", left, escape(title)));
        for (double v : vTicks) {
            out.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#e5e5e5'/>%n", left, py.applyAsDouble(v), left + plotW, py.applyAsDouble(v)));
            out.append(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='11' text-anchor='end' fill='#555'>%s</text>%n",
                    left - 6, py.applyAsDouble(v) + 4, tickText(v)));
        }
        for (double t : tTicks) {
            out.append(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='11' text-anchor='middle' fill='#555'>%s</text>%n",
                    px.applyAsDouble(t), top + plotH + 16, tickText(t)));
        }
        out.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='none' stroke='#888'/>%n", left, top, plotW, plotH));
        out.append(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='12' text-anchor='middle' fill='#333'>sim time (s)</text>%n",
                left + plotW / 2, height - 10));
        String unit = series.stream().map(Series::unit).distinct().count() == 1 ? series.get(0).unit() : "";
        if (unit != null && !unit.isEmpty()) {
            out.append(String.format(Locale.ROOT, "<text x='14' y='%.1f' font-family='sans-serif' font-size='12' text-anchor='middle' fill='#333' transform='rotate(-90 14 %.1f)'>%s</text>%n",
                    top + plotH / 2, top + plotH / 2, escape(unit)));
        }
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String color = COLORS[k % COLORS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.times().length; i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(s.times()[i]), py.applyAsDouble(s.values()[i])));
            }
            out.append("<polyline class='series' fill='none' stroke='").append(color).append("' stroke-width='2' points='")
                    .append(points.toString().trim()).append("'/>\n");
            String legend = s.name() + (unit.isEmpty() && s.unit() != null && !s.unit().isEmpty() ? " (" + s.unit() + ")" : "");
            double lx = left + 10 + k * 150;
            out.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s' stroke-width='3'/>%n", lx, top + 12, lx + 18, top + 12, color));
            out.append(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='12' fill='#222'>%s</text>%n", lx + 22, top + 16, escape(legend)));
        }
        return out.append("</svg>\n").toString();
    }

    /** About five round tick values covering [lo, hi]. */
    static double[] ticks(double lo, double hi) {
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

    private static String tickText(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static void polygons(Svg svg, Object items, String fill, String cls) {
        for (Object o : list(items)) {
            Map<String, ?> solid = asMap(o, cls);
            StringBuilder points = new StringBuilder();
            for (Object p : list(solid.get("polygon"))) {
                List<?> xy = (List<?>) p;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", svg.x(num(xy.get(0))), svg.y(num(xy.get(1)))));
            }
            svg.raw("<polygon class='" + cls + "' fill='" + fill + "' points='" + points.toString().trim() + "'><title>"
                    + escape(String.valueOf(solid.get("name"))) + "</title></polygon>");
        }
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, ?>) m;
        }
        throw new IllegalArgumentException("SvgPlot: " + what + " must be a map, got " + (o == null ? "nothing" : o.getClass().getSimpleName())
                + "; pass a warehouse world's state()");
    }

    private static double num(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("SvgPlot: expected a number, got " + o);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }

    /** Map coordinates (m, y up) to SVG pixels (y down). */
    private static final class Svg {
        private final StringBuilder out = new StringBuilder();
        private final double heightM;

        Svg(double width, double height, double heightM) {
            this.heightM = heightM;
            out.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%.0f' height='%.0f' viewBox='0 0 %.0f %.0f'>%n",
                    width, height, width, height));
        }

        double x(double m) {
            return PAD + m * PX_PER_M;
        }

        double y(double m) {
            return PAD + (heightM - m) * PX_PER_M;
        }

        void raw(String element) {
            out.append(element).append('\n');
        }

        void label(double x, double y, double dy, String text, String color) {
            raw(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='11' text-anchor='middle' fill='%s'>%s</text>",
                    x(x), y(y + dy) + 4, color, escape(text)));
        }

        String finish() {
            return out.append("</svg>\n").toString();
        }
    }
}
