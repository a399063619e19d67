package io.codeact.bridge.sim.plot;

import static io.codeact.bridge.sim.plot.SvgCanvas.fmt;
import static io.codeact.bridge.sim.plot.SvgCanvas.list;
import static io.codeact.bridge.sim.plot.SvgCanvas.mapOrEmpty;
import static io.codeact.bridge.sim.plot.SvgCanvas.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The smart home over the episode, from {@code state().history} (sampled every 10 s of sim time and at
 * every change): each room's temperature and the thermostat setpoint over a shading of when the heating
 * or cooling ran; under it one timeline lane each for every room's light and motion, whether someone is
 * home, the front-door lock and door, the garage, the heating, the house's events (arrivals, departures,
 * lock changes, garage moves) and the safety events, on one sim-time axis. Safety events are red spans:
 * the log stamps them with their turn, so a span is the sim time that turn's code action covered.
 * Stateless.
 */
public final class SmartHomePlot {
    private static final double WIDTH = 980;
    private static final double LEFT = 150;
    private static final double RIGHT = 24;
    private static final double LANE = 14;
    private static final double LANE_GAP = 5;
    private static final String WORLD = "smart_home";

    /** A run of equal, drawable values of a column: {@code [from, to)} in sim seconds. */
    private record Run(double from, double to, String key) {}

    private SmartHomePlot() {}

    /**
     * @param state a smart-home {@code state()} map (needs {@code history})
     * @param marks safety events to mark and list
     * @throws IllegalArgumentException if the state has no {@code history} (a log recorded before the
     *         smart home kept one)
     */
    public static String draw(Map<String, Object> state, List<SafetyMark> marks) {
        Map<String, Object> history = SvgCanvas.map(state.get("history"), "state.history", WORLD);
        List<Double> t = doubles(history.get("t"));
        double end = Math.max(num(state.get("t"), 0), t.isEmpty() ? 0 : t.get(t.size() - 1));
        Map<String, Object> rooms = mapOrEmpty(state.get("rooms"));
        List<String> roomNames = new ArrayList<>(rooms.keySet());
        Map<String, Object> lights = mapOrEmpty(history.get("lights"));
        Map<String, Object> occupants = mapOrEmpty(history.get("occupants"));
        List<Map<String, Object>> events = new ArrayList<>();
        for (Object e : list(state.get("events"))) {
            events.add(mapOrEmpty(e));
        }

        List<String> lanes = new ArrayList<>();
        roomNames.forEach(r -> lanes.add("light: " + r));
        roomNames.forEach(r -> lanes.add("motion: " + r));
        lanes.addAll(List.of("someone home", "front door locked", "front door open", "garage", "heating / cooling",
                "events (" + events.size() + ")", "safety (" + marks.size() + ")"));
        List<String> captions = SafetyMark.captions(marks, 10);
        double panelTop = 62;
        double panelH = 230;
        double lanesTop = panelTop + panelH + 16;
        double lanesBottom = lanesTop + lanes.size() * (LANE + LANE_GAP);
        double height = lanesBottom + 60 + 16 * captions.size();
        double plotW = WIDTH - LEFT - RIGHT;
        Axis tx = Axis.of(t.isEmpty() ? 0 : t.get(0), end, LEFT, LEFT + plotW);

        SvgCanvas svg = new SvgCanvas(WIDTH, height);
        svg.text(16, 24, 15, "#222", "start", fmt("smart home over the episode, seed %s, t = %.1f s, outdoor %.1f °C, energy %.1f Wh",
                state.get("seed"), end, num(state.get("outdoor_temperature"), Double.NaN), num(state.get("energy_wh"), Double.NaN)));
        for (double v : tx.ticks()) {
            svg.line(tx.px(v), panelTop, tx.px(v), lanesBottom, "stroke='#eeeeee'");
            svg.text(tx.px(v), lanesBottom + 14, 11, "#555", "middle", SvgCanvas.tickText(v));
        }
        svg.text(LEFT + plotW / 2, lanesBottom + 32, 12, "#333", "middle", "sim time (s)");

        // temperatures over the heating/cooling shading
        for (Run r : runs(t, list(history.get("action")), end, a -> "heating".equals(a) || "cooling".equals(a) ? (String) a : null)) {
            svg.rect(tx.px(r.from()), panelTop, tx.px(r.to()) - tx.px(r.from()), panelH,
                    "class='hvac' fill='" + ("heating".equals(r.key()) ? "#fdd0a2" : "#c6dbef") + "' fill-opacity='0.6'", r.key());
        }
        List<Double> house = doubles(history.get("temperature"));
        List<Double> setpoint = doubles(history.get("setpoint"));
        double houseNow = num(state.get("temperature"), 0);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[]> offsets = new ArrayList<>();
        for (String room : roomNames) {
            double offset = num(mapOrEmpty(rooms.get(room)).get("temperature"), houseNow) - houseNow;
            offsets.add(new double[] {offset});
            for (double v : house) {
                lo = Math.min(lo, v + offset);
                hi = Math.max(hi, v + offset);
            }
        }
        for (double v : setpoint) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        Axis vy = Axis.of(lo, hi, panelTop + panelH, panelTop);
        for (double v : vy.ticks()) {
            svg.line(LEFT, vy.px(v), LEFT + plotW, vy.px(v), "stroke='#e5e5e5'");
            svg.text(LEFT - 6, vy.px(v) + 4, 11, "#555", "end", SvgCanvas.tickText(v));
        }
        svg.raw(fmt("<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='12' text-anchor='middle' fill='#333' transform='rotate(-90 %.1f %.1f)'>°C</text>",
                LEFT - 40, panelTop + panelH / 2, LEFT - 40, panelTop + panelH / 2));
        svg.rect(LEFT, panelTop, plotW, panelH, "fill='none' stroke='#888'");
        for (int i = 0; i < roomNames.size(); i++) {
            String color = SvgCanvas.COLORS[i % SvgCanvas.COLORS.length];
            List<double[]> points = new ArrayList<>();
            for (int k = 0; k < Math.min(t.size(), house.size()); k++) {
                points.add(new double[] {tx.px(t.get(k)), vy.px(house.get(k) + offsets.get(i)[0])});
            }
            if (!points.isEmpty()) {
                points.add(new double[] {tx.px(end), points.get(points.size() - 1)[1]});
            }
            svg.polyline(points, "class='series' stroke='" + color + "' stroke-width='2'");
            legend(svg, i, color, roomNames.get(i), false);
        }
        List<double[]> steps = new ArrayList<>();
        for (int k = 0; k < Math.min(t.size(), setpoint.size()); k++) {
            if (k > 0) {
                steps.add(new double[] {tx.px(t.get(k)), vy.px(setpoint.get(k - 1))});
            }
            steps.add(new double[] {tx.px(t.get(k)), vy.px(setpoint.get(k))});
        }
        if (!steps.isEmpty()) {
            steps.add(new double[] {tx.px(end), steps.get(steps.size() - 1)[1]});
        }
        svg.polyline(steps, "class='setpoint' stroke='#222' stroke-width='1.5' stroke-dasharray='6 3'");
        legend(svg, roomNames.size(), "#222", "setpoint", true);

        // one lane per signal
        int lane = 0;
        for (String room : roomNames) {
            bands(svg, tx, laneY(lanesTop, lane++), runs(t, list(lights.get(room)), end, v -> Boolean.TRUE.equals(v) ? "on" : null),
                    "light", k -> "#f2c200", "light " + room + " ");
        }
        for (String room : roomNames) {
            bands(svg, tx, laneY(lanesTop, lane++), runs(t, list(occupants.get(room)), end, v -> num(v, 0) > 0 ? "occupied" : null),
                    "motion", k -> "#2ca02c", "motion " + room + " ");
        }
        bands(svg, tx, laneY(lanesTop, lane++), runs(t, list(history.get("home_count")), end, v -> num(v, 0) > 0 ? fmt("%.0f home", num(v, 0)) : null),
                "home", k -> "#8c564b", "");
        bands(svg, tx, laneY(lanesTop, lane++), runs(t, list(history.get("locked")), end, v -> Boolean.TRUE.equals(v) ? "locked" : null),
                "lock", k -> "#555555", "front door ");
        bands(svg, tx, laneY(lanesTop, lane++), runs(t, list(history.get("door_open")), end, v -> Boolean.TRUE.equals(v) ? "open" : null),
                "door", k -> "#ff7f0e", "front door ");
        bands(svg, tx, laneY(lanesTop, lane++), runs(t, list(history.get("garage")), end, v -> "closed".equals(v) ? null : String.valueOf(v)),
                "garage", k -> k.equals("open") ? "#1f77b4" : k.equals("stopped") ? "#ff7f0e" : "#9ecae1", "garage ");
        bands(svg, tx, laneY(lanesTop, lane++), runs(t, list(history.get("action")), end, v -> "idle".equals(v) ? null : String.valueOf(v)),
                "hvac", k -> k.equals("heating") ? "#e6550d" : "#3182bd", "");
        double eventsY = laneY(lanesTop, lane++);
        for (Map<String, Object> e : events) {
            double x = tx.px(num(e.get("t"), 0));
            String kind = String.valueOf(e.get("event"));
            String color = switch (kind) {
                case "arrived" -> "#2ca02c";
                case "left" -> "#8c564b";
                case "locked", "unlocked" -> "#555555";
                case "garage" -> "#1f77b4";
                default -> "#999999";
            };
            svg.raw(fmt("<line class='event' x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s' stroke-width='2'><title>%s</title></line>",
                    x, eventsY, x, eventsY + LANE, color, SvgCanvas.escape(fmt("%.1f s: %s %s", num(e.get("t"), 0), kind, e.get("detail")))));
        }
        double safetyY = laneY(lanesTop, lane++);
        for (SafetyMark m : marks) {
            if (Double.isNaN(m.simFrom())) {
                continue;
            }
            double x0 = tx.px(m.simFrom());
            double w = Math.max(3, tx.px(m.simTo()) - x0);
            svg.rect(x0, safetyY, w, LANE, "class='safety' fill='" + SvgCanvas.SAFETY + "' fill-opacity='0.75'", m.caption());
        }
        for (int i = 0; i < lanes.size(); i++) {
            double y = laneY(lanesTop, i);
            svg.line(LEFT, y + LANE + LANE_GAP / 2, LEFT + plotW, y + LANE + LANE_GAP / 2, "stroke='#f0f0f0'");
            svg.text(LEFT - 6, y + LANE - 3, 11, lanes.get(i).startsWith("safety") && !marks.isEmpty() ? SvgCanvas.SAFETY : "#333", "end", lanes.get(i));
        }
        svg.rect(LEFT, lanesTop - LANE_GAP / 2, plotW, lanesBottom - lanesTop, "fill='none' stroke='#888'");

        double base = lanesBottom + 50;
        svg.text(16, base, 11, "#666", "start", "shading: heating (orange) or cooling (blue) running; a safety span is the sim time of the turn's code action it came from;"
                + " hover a band for details");
        for (int k = 0; k < captions.size(); k++) {
            svg.raw(fmt("<text class='safety-caption' x='16' y='%.1f' font-family='sans-serif' font-size='12' fill='%s'>%s</text>",
                    base + 18 + 16 * k, SvgCanvas.SAFETY, SvgCanvas.escape("safety: " + captions.get(k))));
        }
        return svg.finish();
    }

    private static double laneY(double top, int lane) {
        return top + lane * (LANE + LANE_GAP);
    }

    private static void legend(SvgCanvas svg, int i, String color, String name, boolean dashed) {
        double x = LEFT + (i % 6) * 135;
        double y = 40 + (i / 6) * 15;
        svg.line(x, y - 4, x + 18, y - 4, "stroke='" + color + "' stroke-width='3'" + (dashed ? " stroke-dasharray='6 3'" : ""));
        svg.text(x + 22, y, 12, "#222", "start", name);
    }

    private static void bands(SvgCanvas svg, Axis tx, double y, List<Run> runs, String cls, Function<String, String> color, String prefix) {
        for (Run r : runs) {
            svg.rect(tx.px(r.from()), y, Math.max(1, tx.px(r.to()) - tx.px(r.from())), LANE,
                    "class='band " + cls + "' fill='" + color.apply(r.key()) + "'", fmt("%s%s %.1f–%.1f s", prefix, r.key(), r.from(), r.to()));
        }
    }

    /**
     * The runs of a history column: sample k holds from {@code t[k]} until {@code t[k+1]} (the last until
     * {@code end}); {@code key} names a value worth drawing, or null; equal neighbours merge.
     */
    private static List<Run> runs(List<Double> t, List<?> column, double end, Function<Object, String> key) {
        List<Run> out = new ArrayList<>();
        int n = Math.min(t.size(), column.size());
        for (int k = 0; k < n; k++) {
            String v = key.apply(column.get(k));
            if (v == null) {
                continue;
            }
            double to = k + 1 < n ? t.get(k + 1) : Math.max(end, t.get(k));
            Run last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.key().equals(v) && last.to() == t.get(k)) {
                out.set(out.size() - 1, new Run(last.from(), to, v));
            } else {
                out.add(new Run(t.get(k), to, v));
            }
        }
        return out;
    }

    private static List<Double> doubles(Object column) {
        List<Double> out = new ArrayList<>();
        for (Object o : list(column)) {
            out.add(num(o, Double.NaN));
        }
        return out;
    }
}
