package io.codeact.bridge.sim.plot;

import static io.codeact.bridge.sim.plot.SvgCanvas.fmt;
import static io.codeact.bridge.sim.plot.SvgCanvas.list;
import static io.codeact.bridge.sim.plot.SvgCanvas.mapOrEmpty;
import static io.codeact.bridge.sim.plot.SvgCanvas.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The tabletop seen from above, x to the right and y up (m): the table, the arm's reach at table height
 * and the camera's view, bins as coloured rectangles, blocks as coloured squares at their final places
 * (a badge with the height of each stack on its top block), the gripper tip's path over the episode
 * ({@code state().arm.path}) and where the tip is now; beside it the stacks seen from the side, bottom
 * up, and what lies in each bin. Refused motions ({@code arm.move_to(x, y, z)}) are red ✕ marks at their
 * targets; every safety event is listed under the drawing. Stateless.
 */
public final class TabletopPlot {
    private static final double PX_PER_M = 500;
    private static final double PAD = 30;
    private static final double TITLE = 26;
    private static final double MARGIN_M = 0.05;
    private static final Pattern COLOR_NAME = Pattern.compile("[a-z]{3,20}");
    private static final String WORLD = "tabletop";

    private TabletopPlot() {}

    /**
     * @param state a tabletop {@code state()} map (needs {@code table})
     * @param marks safety events to mark and list
     * @throws IllegalArgumentException if the state has no {@code table} entry
     */
    public static String draw(Map<String, Object> state, List<SafetyMark> marks) {
        Map<String, Object> table = SvgCanvas.map(state.get("table"), "state.table", WORLD);
        Map<String, Object> arm = mapOrEmpty(state.get("arm"));
        Map<String, Object> workspace = mapOrEmpty(state.get("workspace"));
        Map<String, Object> blocks = mapOrEmpty(state.get("blocks"));
        Map<String, Object> bins = mapOrEmpty(state.get("bins"));
        List<?> stacks = list(state.get("stacks"));

        double[] box = {num(table.get("x_min")), num(table.get("y_min")), num(table.get("x_max")), num(table.get("y_max"))};
        List<?> shoulder = list(workspace.get("shoulder"));
        if (shoulder.size() >= 2) {
            include(box, num(shoulder.get(0)), num(shoulder.get(1)), 0.03);
        }
        for (Object o : blocks.values()) {
            Map<String, Object> b = mapOrEmpty(o);
            include(box, num(b.get("x"), box[0]), num(b.get("y"), box[1]), num(b.get("size"), 0) / 2);
        }
        for (Object p : list(arm.get("path"))) {
            List<?> xyz = list(p);
            include(box, num(xyz.get(0)), num(xyz.get(1)), 0);
        }
        for (SafetyMark m : marks) {
            if (m.target() != null) {
                include(box, m.target()[0], m.target()[1], 0.01);
            }
        }
        Frame f = new Frame(box[0] - MARGIN_M, box[3] + MARGIN_M);
        double viewW = (box[2] - box[0] + 2 * MARGIN_M) * PX_PER_M;
        double viewH = (box[3] - box[1] + 2 * MARGIN_M) * PX_PER_M;

        double stripX = PAD + viewW + 40;
        double stripW = Math.max(190, 150 * stacks.size());
        List<String> captions = SafetyMark.captions(marks, 10);
        double height = PAD + TITLE + Math.max(viewH, 200) + 70 + 16 * captions.size();
        SvgCanvas svg = new SvgCanvas(stripX + stripW + PAD, height);
        svg.text(PAD, PAD + 4, 15, "#222", "start", fmt("tabletop from above, t = %.1f s, %d blocks, gripper %s",
                num(state.get("t"), 0), blocks.size(), holding(state)));

        svg.raw(fmt("<clipPath id='view'><rect x='%.1f' y='%.1f' width='%.1f' height='%.1f'/></clipPath>", PAD, f.y(box[3] + MARGIN_M), viewW, viewH));
        svg.rect(PAD, f.y(box[3] + MARGIN_M), viewW, viewH, "fill='#fafafa' stroke='#ccc'");
        grid(svg, f, box);
        double tx0 = num(table.get("x_min"));
        double ty1 = num(table.get("y_max"));
        svg.rect(f.x(tx0), f.y(ty1), (num(table.get("x_max")) - tx0) * PX_PER_M, (ty1 - num(table.get("y_min"))) * PX_PER_M,
                "class='table' fill='#efe6d2' stroke='#a89f8a' stroke-width='2'", "table");
        workspace(svg, f, workspace);
        for (Map.Entry<String, Object> e : bins.entrySet()) {
            Map<String, Object> b = mapOrEmpty(e.getValue());
            double w = num(b.get("width"), 0);
            double d = num(b.get("depth"), 0);
            double x = num(b.get("x"), 0);
            double y = num(b.get("y"), 0);
            String color = color(b.get("color"));
            svg.rect(f.x(x - w / 2), f.y(y + d / 2), w * PX_PER_M, d * PX_PER_M,
                    "class='bin' fill='" + color + "' fill-opacity='0.18' stroke='" + color + "' stroke-width='3'", e.getKey());
            svg.text(f.x(x), f.y(y - d / 2) + 13, 11, "#333", "middle", e.getKey());
        }
        path(svg, f, arm);
        blocks(svg, f, blocks, stacks);
        tip(svg, f, arm);
        for (SafetyMark m : marks) {
            if (m.target() != null) {
                svg.cross(f.x(m.target()[0]), f.y(m.target()[1]), 6, "safety", SvgCanvas.SAFETY, m.caption());
            }
        }
        sideStrip(svg, stripX, PAD + TITLE, stacks, blocks);

        double base = PAD + TITLE + Math.max(viewH, 200) + 24;
        svg.raw(fmt("<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='12' fill='#333'>"
                        + "<tspan fill='#a89f8a'>■ table</tspan>  <tspan fill='#666'>╌ reach at table height, camera view</tspan>"
                        + "  ■ block (badge: stack height)  □ bin  <tspan fill='#444'>— tip path</tspan>  ⊕ tip now  ◇ home"
                        + "%s</text>", PAD, base, marks.isEmpty() ? "" : "  <tspan fill='" + SvgCanvas.SAFETY + "'>✕ refused target</tspan>"));
        svg.text(PAD, base + 16, 11, "#666", "start", "x (m) to the right, y (m) up; grid 0.1 m");
        for (int k = 0; k < captions.size(); k++) {
            svg.raw(fmt("<text class='safety-caption' x='%.1f' y='%.1f' font-family='sans-serif' font-size='12' fill='%s'>%s</text>",
                    PAD, base + 34 + 16 * k, SvgCanvas.SAFETY, SvgCanvas.escape("safety: " + captions.get(k))));
        }
        return svg.finish();
    }

    private static String holding(Map<String, Object> state) {
        Object held = mapOrEmpty(state.get("gripper")).get("holding");
        return held == null ? "empty" : "holding " + held;
    }

    private static void include(double[] box, double x, double y, double r) {
        box[0] = Math.min(box[0], x - r);
        box[1] = Math.min(box[1], y - r);
        box[2] = Math.max(box[2], x + r);
        box[3] = Math.max(box[3], y + r);
    }

    private static void grid(SvgCanvas svg, Frame f, double[] box) {
        for (double x = Math.ceil((box[0] - MARGIN_M) * 10) / 10; x <= box[2] + MARGIN_M + 1e-9; x += 0.1) {
            svg.line(f.x(x), f.y(box[3] + MARGIN_M), f.x(x), f.y(box[1] - MARGIN_M), "stroke='#eeeeee'");
            svg.text(f.x(x), f.y(box[1] - MARGIN_M) + 12, 9, "#888", "middle", SvgCanvas.tickText(Math.round(x * 10) / 10.0));
        }
        for (double y = Math.ceil((box[1] - MARGIN_M) * 10) / 10; y <= box[3] + MARGIN_M + 1e-9; y += 0.1) {
            svg.line(f.x(box[0] - MARGIN_M), f.y(y), f.x(box[2] + MARGIN_M), f.y(y), "stroke='#eeeeee'");
            svg.text(f.x(box[0] - MARGIN_M) - 3, f.y(y) + 3, 9, "#888", "end", SvgCanvas.tickText(Math.round(y * 10) / 10.0));
        }
    }

    private static void workspace(SvgCanvas svg, Frame f, Map<String, Object> workspace) {
        List<?> shoulder = list(workspace.get("shoulder"));
        if (shoulder.size() >= 3) {
            double sx = num(shoulder.get(0));
            double sy = num(shoulder.get(1));
            double sz = num(shoulder.get(2));
            for (String key : List.of("reach_max", "reach_min")) {
                double r = num(workspace.get(key), 0);
                double atTable = Math.sqrt(Math.max(0, r * r - sz * sz));
                if (atTable > 0) {
                    svg.raw(fmt("<circle class='reach' cx='%.1f' cy='%.1f' r='%.1f' fill='none' stroke='#888' stroke-dasharray='6 4' clip-path='url(#view)'><title>%s</title></circle>",
                            f.x(sx), f.y(sy), atTable * PX_PER_M, SvgCanvas.escape(key + " " + r + " m from the shoulder")));
                }
            }
            svg.circle(f.x(sx), f.y(sy), 8, "class='arm-base' fill='#999' stroke='#555'");
            svg.text(f.x(sx) + 11, f.y(sy) + 4, 10, "#555", "start", "arm base");
        }
        List<?> view = list(workspace.get("camera_view"));
        if (view.size() == 4 && "overhead".equals(workspace.get("camera_mount"))) {
            double x0 = num(view.get(0));
            double y0 = num(view.get(1));
            double x1 = num(view.get(2));
            double y1 = num(view.get(3));
            svg.rect(f.x(x0), f.y(y1), (x1 - x0) * PX_PER_M, (y1 - y0) * PX_PER_M,
                    "class='camera' fill='none' stroke='#6a8caf' stroke-dasharray='2 3' clip-path='url(#view)'", "overhead camera view");
        }
        List<?> home = list(workspace.get("home"));
        if (home.size() >= 2) {
            double hx = f.x(num(home.get(0)));
            double hy = f.y(num(home.get(1)));
            svg.raw(fmt("<path class='home' d='M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ' fill='none' stroke='#777'><title>home pose</title></path>",
                    hx, hy - 6, hx + 6, hy, hx, hy + 6, hx - 6, hy));
        }
    }

    private static void path(SvgCanvas svg, Frame f, Map<String, Object> arm) {
        List<double[]> points = new ArrayList<>();
        for (Object p : list(arm.get("path"))) {
            List<?> xyz = list(p);
            points.add(new double[] {f.x(num(xyz.get(0))), f.y(num(xyz.get(1)))});
        }
        if (arm.get("x") instanceof Number x && arm.get("y") instanceof Number y) {
            points.add(new double[] {f.x(x.doubleValue()), f.y(y.doubleValue())});
        }
        svg.polyline(points, "class='path' stroke='#444' stroke-width='1.5' stroke-opacity='0.8' stroke-linejoin='round'");
    }

    private static void blocks(SvgCanvas svg, Frame f, Map<String, Object> blocks, List<?> stacks) {
        List<Map.Entry<String, Object>> byHeight = new ArrayList<>(blocks.entrySet());
        byHeight.sort(Comparator.comparingDouble(e -> num(mapOrEmpty(e.getValue()).get("z"), 0)));
        for (Map.Entry<String, Object> e : byHeight) {
            Map<String, Object> b = mapOrEmpty(e.getValue());
            double s = num(b.get("size"), 0.04);
            double x = num(b.get("x"), 0);
            double y = num(b.get("y"), 0);
            double z = num(b.get("z"), 0);
            boolean held = "gripper".equals(b.get("on"));
            boolean floor = z < 0;
            String style = held ? " stroke-dasharray='4 2'" : floor ? " stroke-dasharray='2 2' fill-opacity='0.5'" : "";
            String where = held ? "held by the gripper" : floor ? "on the floor beside the table"
                    : b.get("in_bin") != null ? "in " + b.get("in_bin") : "on " + b.get("on");
            svg.rect(f.x(x - s / 2), f.y(y + s / 2), s * PX_PER_M, s * PX_PER_M,
                    "class='block' fill='" + color(b.get("color")) + "' stroke='#222' stroke-width='1.5'" + style,
                    fmt("%s (%s, %.0f mm) at (%.3f, %.3f, %.3f), %s", e.getKey(), b.get("color"), s * 1000, x, y, z, where));
        }
        java.util.Set<String> covered = new java.util.HashSet<>();
        blocks.values().forEach(o -> covered.add(String.valueOf(mapOrEmpty(o).get("on"))));
        for (Map.Entry<String, Object> e : byHeight) {
            if (!covered.contains(e.getKey())) {
                Map<String, Object> b = mapOrEmpty(e.getValue());
                double s = num(b.get("size"), 0.04);
                svg.text(f.x(num(b.get("x"), 0)), f.y(num(b.get("y"), 0) - s / 2) + 11, 9, "#333", "middle", e.getKey());
            }
        }
        for (Object o : stacks) {
            List<?> pile = list(o);
            if (pile.isEmpty()) {
                continue;
            }
            // beside the pile's bottom block (the widest): the tip often ends right above the top one
            Map<String, Object> bottom = mapOrEmpty(blocks.get(String.valueOf(pile.get(0))));
            double s = num(bottom.get("size"), 0.04);
            double cx = f.x(num(bottom.get("x"), 0) + s / 2) + 10;
            double cy = f.y(num(bottom.get("y"), 0) - s / 2) + 4;
            svg.raw(fmt("<circle class='stack-height' cx='%.1f' cy='%.1f' r='8' fill='white' stroke='#222'><title>%s</title></circle>",
                    cx, cy, SvgCanvas.escape("stack of " + pile.size() + ", bottom up: " + pile)));
            svg.text(cx, cy + 4, 10, "#222", "middle", String.valueOf(pile.size()));
        }
    }

    private static void tip(SvgCanvas svg, Frame f, Map<String, Object> arm) {
        if (!(arm.get("x") instanceof Number x) || !(arm.get("y") instanceof Number y)) {
            return;
        }
        double px = f.x(x.doubleValue());
        double py = f.y(y.doubleValue());
        svg.raw(fmt("<circle class='tip' cx='%.1f' cy='%.1f' r='7' fill='none' stroke='#000' stroke-width='2'><title>%s</title></circle>",
                px, py, SvgCanvas.escape(fmt("gripper tip at (%.3f, %.3f, %.3f) m", x.doubleValue(), y.doubleValue(), num(arm.get("z"), 0)))));
        svg.line(px - 10, py, px + 10, py, "stroke='#000'");
        svg.line(px, py - 10, px, py + 10, "stroke='#000'");
        svg.text(px - 10, py - 9, 10, "#000", "end", fmt("tip z = %.3f m", num(arm.get("z"), 0)));
    }

    /** The stacks from the side, bottom up, and what is in each bin. */
    private static void sideStrip(SvgCanvas svg, double x0, double y0, List<?> stacks, Map<String, Object> blocks) {
        svg.text(x0, y0 + 4, 13, "#222", "start", "stacks from the side");
        double tallest = 0;
        for (Object o : stacks) {
            double h = 0;
            for (Object name : list(o)) {
                h += num(mapOrEmpty(blocks.get(String.valueOf(name))).get("size"), 0.04);
            }
            tallest = Math.max(tallest, h);
        }
        double baseline = y0 + 24 + tallest * PX_PER_M;
        if (stacks.isEmpty()) {
            svg.text(x0, y0 + 24, 11, "#666", "start", "no stacks: no block lies on another");
            baseline = y0 + 24;
        }
        for (int i = 0; i < stacks.size(); i++) {
            List<?> pile = list(stacks.get(i));
            double cx = x0 + 30 + 150 * i;
            double y = baseline;
            svg.line(cx - 30, baseline, cx + 30, baseline, "stroke='#a89f8a' stroke-width='3'");
            for (Object name : pile) {
                Map<String, Object> b = mapOrEmpty(blocks.get(String.valueOf(name)));
                double s = num(b.get("size"), 0.04) * PX_PER_M;
                y -= s;
                svg.rect(cx - s / 2, y, s, s, "class='stack-block' fill='" + color(b.get("color")) + "' stroke='#222'", String.valueOf(name));
                svg.text(cx + s / 2 + 4, y + s / 2 + 4, 10, "#333", "start", String.valueOf(name));
            }
            svg.text(cx, baseline + 14, 11, "#333", "middle", pile.size() + " high");
        }
        double y = baseline + 40;
        Map<String, List<String>> inBins = new java.util.LinkedHashMap<>();
        blocks.forEach((name, o) -> {
            Object bin = mapOrEmpty(o).get("in_bin");
            if (bin != null) {
                inBins.computeIfAbsent(String.valueOf(bin), k -> new ArrayList<>()).add(name);
            }
        });
        svg.text(x0, y, 13, "#222", "start", "in the bins");
        if (inBins.isEmpty()) {
            svg.text(x0, y + 18, 11, "#666", "start", "nothing");
        }
        int k = 0;
        for (Map.Entry<String, List<String>> e : inBins.entrySet()) {
            svg.text(x0, y + 18 + 15 * k++, 11, "#333", "start", e.getKey() + ": " + String.join(", ", e.getValue()));
        }
    }

    /** A block's or bin's colour name as an SVG colour; grey for anything that is not a plain name. */
    private static String color(Object name) {
        return name instanceof String s && COLOR_NAME.matcher(s).matches() ? s : "grey";
    }

    /** Table coordinates (m, y up) to pixels (y down). */
    private record Frame(double xMin, double yMax) {
        double x(double m) {
            return PAD + (m - xMin) * PX_PER_M;
        }

        double y(double m) {
            return PAD + TITLE + (yMax - m) * PX_PER_M;
        }
    }
}
