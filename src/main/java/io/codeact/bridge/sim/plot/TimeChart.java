package io.codeact.bridge.sim.plot;

import static io.codeact.bridge.sim.plot.SvgCanvas.escape;
import static io.codeact.bridge.sim.plot.SvgCanvas.fmt;

import java.util.List;

/** A line chart of series against sim time (s), with axes, ticks and a legend. Stateless. */
public final class TimeChart {
    /** One line: sample times (s) and values in {@code unit}. */
    public record Line(String name, String unit, double[] times, double[] values) {}

    private TimeChart() {}

    /** @throws IllegalArgumentException if there is no line */
    public static String draw(String title, List<Line> series) {
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
        for (Line s : series) {
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
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        Axis tx = Axis.of(t0, t1, left, left + plotW);
        Axis vy = Axis.of(v0, v1, top + plotH, top);
        SvgCanvas svg = new SvgCanvas(width, height);
        svg.text(left, 22, 15, "#222", "start", title);
        for (double v : vy.ticks()) {
            svg.line(left, vy.px(v), left + plotW, vy.px(v), "stroke='#e5e5e5'");
            svg.text(left - 6, vy.px(v) + 4, 11, "#555", "end", SvgCanvas.tickText(v));
        }
        for (double t : tx.ticks()) {
            svg.text(tx.px(t), top + plotH + 16, 11, "#555", "middle", SvgCanvas.tickText(t));
        }
        svg.rect(left, top, plotW, plotH, "fill='none' stroke='#888'");
        svg.text(left + plotW / 2, height - 10, 12, "#333", "middle", "sim time (s)");
        String unit = series.stream().map(Line::unit).distinct().count() == 1 ? series.get(0).unit() : "";
        if (unit != null && !unit.isEmpty()) {
            svg.raw(fmt("<text x='14' y='%.1f' font-family='sans-serif' font-size='12' text-anchor='middle' fill='#333' transform='rotate(-90 14 %.1f)'>%s</text>",
                    top + plotH / 2, top + plotH / 2, escape(unit)));
        }
        for (int k = 0; k < series.size(); k++) {
            Line s = series.get(k);
            String color = SvgCanvas.COLORS[k % SvgCanvas.COLORS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.times().length; i++) {
                points.append(fmt("%.1f,%.1f ", tx.px(s.times()[i]), vy.px(s.values()[i])));
            }
            svg.raw("<polyline class='series' fill='none' stroke='" + color + "' stroke-width='2' points='" + points.toString().trim() + "'/>");
            String legend = s.name() + ((unit == null || unit.isEmpty()) && s.unit() != null && !s.unit().isEmpty() ? " (" + s.unit() + ")" : "");
            double lx = left + 10 + k * 150;
            svg.line(lx, top + 12, lx + 18, top + 12, "stroke='" + color + "' stroke-width='3'");
            svg.text(lx + 22, top + 16, 12, "#222", "start", legend);
        }
        return svg.finish();
    }
}
