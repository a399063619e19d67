package io.codeact.bridge.sim;

import io.codeact.bridge.sim.plot.SmartHomePlot;
import io.codeact.bridge.sim.plot.SvgCanvas;
import io.codeact.bridge.sim.plot.TabletopPlot;
import io.codeact.bridge.sim.plot.TimeChart;
import io.codeact.bridge.sim.plot.WarehousePlot;
import java.util.List;
import java.util.Map;

/**
 * Draws simulator data as standalone SVG text, from plain {@link World#state()} maps, so states read back
 * from an episode log plot the same as live ones: the warehouse map (walls, shelves, obstacles, docks,
 * places, each robot's path and pose, goals), the tabletop from above (table, reach, bins, blocks, the
 * gripper tip's path, stacks from the side), the smart home over time (temperatures and setpoint, lights,
 * motion, lock, door, garage, heating, events), and time series on shared axes. The drawing lives in
 * {@code sim.plot}, one class per world; {@code sim.plot.EpisodePlot} draws a whole episode log with its
 * safety events. Stateless and thread-safe.
 *
 * <pre>{@code
 * String map = SvgPlot.warehouse(world.state(), List.of(new double[] {18, 1.5}));
 * String chart = SvgPlot.timeSeries("Battery", List.of(new SvgPlot.Series("r1", "%", times, levels)));
 * }</pre>
 */
public final class SvgPlot {
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
    @SuppressWarnings("unchecked")
    public static String warehouse(Map<String, ?> state, List<double[]> goals) {
        return WarehousePlot.draw((Map<String, Object>) state, goals, List.of());
    }

    /**
     * The table from above with the tip's path, and the stacks from the side.
     *
     * @throws IllegalArgumentException if the state has no {@code table} entry
     */
    @SuppressWarnings("unchecked")
    public static String tabletop(Map<String, ?> state) {
        return TabletopPlot.draw((Map<String, Object>) state, List.of());
    }

    /**
     * The house over the episode, from {@code state().history}.
     *
     * @throws IllegalArgumentException if the state has no {@code history} entry
     */
    @SuppressWarnings("unchecked")
    public static String smartHome(Map<String, ?> state) {
        return SmartHomePlot.draw((Map<String, Object>) state, List.of());
    }

    /**
     * A line chart of one or more series against sim time (s), with axes, ticks and a legend.
     *
     * @throws IllegalArgumentException if there is no series
     */
    public static String timeSeries(String title, List<Series> series) {
        return TimeChart.draw(title, series.stream().map(s -> new TimeChart.Line(s.name(), s.unit(), s.times(), s.values())).toList());
    }

    /** About five round tick values covering [lo, hi]. */
    static double[] ticks(double lo, double hi) {
        return SvgCanvas.ticks(lo, hi);
    }

    static String escape(String s) {
        return SvgCanvas.escape(s);
    }
}
