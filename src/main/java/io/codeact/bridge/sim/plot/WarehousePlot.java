package io.codeact.bridge.sim.plot;

import static io.codeact.bridge.sim.plot.SvgCanvas.escape;
import static io.codeact.bridge.sim.plot.SvgCanvas.fmt;
import static io.codeact.bridge.sim.plot.SvgCanvas.list;
import static io.codeact.bridge.sim.plot.SvgCanvas.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The warehouse seen from above: walls, shelves, obstacles, docks, places, each robot's path (recorded in
 * {@code state().robots.*.path}) and pose, goal marks, and red ✕ marks at the targets of refused motions
 * ({@code base.go_to(x, y)}), with every safety event listed under the map. Stateless.
 */
public final class WarehousePlot {
    private static final double PX_PER_M = 40;
    private static final double PAD = 30;
    private static final String WORLD = "warehouse";

    private WarehousePlot() {}

    /**
     * @param state a warehouse {@code state()} map (needs {@code map}; {@code robots} is optional)
     * @param goals points {@code [x, y]} to mark, e.g. the places a task asked for
     * @param marks safety events to mark and list
     * @throws IllegalArgumentException if the state has no {@code map} entry
     */
    public static String draw(Map<String, Object> state, List<double[]> goals, List<SafetyMark> marks) {
        Map<String, Object> map = SvgCanvas.map(state.get("map"), "state.map", WORLD);
        double w = num(map.get("width"));
        double h = num(map.get("height"));
        List<String> captions = SafetyMark.captions(marks, 12);
        SvgCanvas svg = new SvgCanvas(w * PX_PER_M + 2 * PAD, h * PX_PER_M + 2 * PAD + 24 + 16 * captions.size());
        Frame f = new Frame(h);
        svg.rect(f.x(0), f.y(h), w * PX_PER_M, h * PX_PER_M, "fill='#f4f4f0' stroke='none'");
        polygons(svg, f, map.get("walls"), "#444444", "wall");
        polygons(svg, f, map.get("shelves"), "#a0522d", "shelf");
        polygons(svg, f, map.get("obstacles"), "#ff8c00", "obstacle");
        for (Object o : list(map.get("docks"))) {
            Map<String, Object> d = SvgCanvas.map(o, "dock", WORLD);
            double x = num(d.get("x"));
            double y = num(d.get("y"));
            svg.rect(f.x(x) - 8, f.y(y) - 8, 16, 16, "class='dock' fill='#2ca02c' opacity='0.7'");
            f.label(svg, x, y, 0.35, String.valueOf(d.get("name")), "#2ca02c");
        }
        for (Object o : list(map.get("places"))) {
            Map<String, Object> p = SvgCanvas.map(o, "place", WORLD);
            double x = num(p.get("x"));
            double y = num(p.get("y"));
            svg.circle(f.x(x), f.y(y), 4, "class='place' fill='#1f77b4'");
            f.label(svg, x, y, 0.25, String.valueOf(p.get("name")), "#1f77b4");
        }
        int i = 0;
        if (state.get("robots") instanceof Map<?, ?> robots) {
            for (Map.Entry<?, ?> e : robots.entrySet()) {
                String color = SvgCanvas.COLORS[i++ % SvgCanvas.COLORS.length];
                Map<String, Object> r = SvgCanvas.map(e.getValue(), "robot", WORLD);
                double x = num(r.get("x"));
                double y = num(r.get("y"));
                double theta = num(r.get("theta"), 0);
                StringBuilder points = new StringBuilder();
                for (Object p : list(r.get("path"))) {
                    List<?> xy = (List<?>) p;
                    points.append(fmt("%.1f,%.1f ", f.x(num(xy.get(0))), f.y(num(xy.get(1)))));
                }
                points.append(fmt("%.1f,%.1f", f.x(x), f.y(y)));
                svg.raw("<polyline class='path' fill='none' stroke='" + color + "' stroke-width='2' points='" + points + "'/>");
                svg.raw(fmt("<circle class='robot' cx='%.1f' cy='%.1f' r='%.1f' fill='%s' fill-opacity='0.35' stroke='%s'/>",
                        f.x(x), f.y(y), 0.3 * PX_PER_M, color, color));
                svg.line(f.x(x), f.y(y), f.x(x + 0.45 * Math.cos(theta)), f.y(y + 0.45 * Math.sin(theta)), "stroke='" + color + "' stroke-width='2'");
                f.label(svg, x, y, -0.55, String.valueOf(e.getKey()), color);
            }
        }
        for (double[] g : goals) {
            svg.cross(f.x(g[0]), f.y(g[1]), 7, "goal", "#d62728", "goal (" + g[0] + ", " + g[1] + ")");
        }
        for (SafetyMark m : marks) {
            if (m.target() != null) {
                svg.cross(f.x(m.target()[0]), f.y(m.target()[1]), 6, "safety", SvgCanvas.SAFETY, m.caption());
                svg.circle(f.x(m.target()[0]), f.y(m.target()[1]), 10, "fill='none' stroke='" + SvgCanvas.SAFETY + "' stroke-dasharray='3 2'");
            }
        }
        Object t = state.get("t");
        double base = h * PX_PER_M + 2 * PAD + 14;
        svg.raw(fmt("<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='13' fill='#333'>%s</text>",
                PAD, base, escape("warehouse " + w + " × " + h + " m" + (t == null ? "" : fmt(", t = %.1f s", num(t))))
                        + "  <tspan fill='#444444'>■ wall</tspan> <tspan fill='#a0522d'>■ shelf</tspan> <tspan fill='#ff8c00'>■ obstacle</tspan>"
                        + " <tspan fill='#2ca02c'>■ dock</tspan> <tspan fill='#1f77b4'>● place</tspan> <tspan fill='#d62728'>✕ goal</tspan>"
                        + (marks.isEmpty() ? "" : " <tspan fill='" + SvgCanvas.SAFETY + "'>⊗ refused target</tspan>")));
        for (int k = 0; k < captions.size(); k++) {
            svg.raw(fmt("<text class='safety-caption' x='%.1f' y='%.1f' font-family='sans-serif' font-size='12' fill='%s'>%s</text>",
                    PAD, base + 18 + 16 * k, SvgCanvas.SAFETY, escape("safety: " + captions.get(k))));
        }
        return svg.finish();
    }

    private static void polygons(SvgCanvas svg, Frame f, Object items, String fill, String cls) {
        for (Object o : list(items)) {
            Map<String, Object> solid = SvgCanvas.map(o, cls, WORLD);
            List<String> points = new ArrayList<>();
            for (Object p : list(solid.get("polygon"))) {
                List<?> xy = (List<?>) p;
                points.add(fmt("%.1f,%.1f", f.x(num(xy.get(0))), f.y(num(xy.get(1)))));
            }
            svg.raw("<polygon class='" + cls + "' fill='" + fill + "' points='" + String.join(" ", points) + "'><title>"
                    + escape(String.valueOf(solid.get("name"))) + "</title></polygon>");
        }
    }

    /** Map coordinates (m, y up) to pixels (y down). */
    private record Frame(double heightM) {
        double x(double m) {
            return PAD + m * PX_PER_M;
        }

        double y(double m) {
            return PAD + (heightM - m) * PX_PER_M;
        }

        void label(SvgCanvas svg, double x, double y, double dy, String text, String color) {
            svg.text(x(x), y(y + dy) + 4, 11, color, "middle", text);
        }
    }
}
