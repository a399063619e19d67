package io.codeact.bridge.sim.plot;

import io.codeact.bridge.agent.EpisodeRecord;
import io.codeact.bridge.agent.RecordedEpisode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws a recorded episode as one SVG: its last {@code world_state} record, drawn by the world's own plot
 * ({@link WarehousePlot}, {@link TabletopPlot}, {@link SmartHomePlot}), with the episode's safety events
 * ({@link SafetyMark}) marked where the data allow and listed in the caption. Stateless.
 *
 * <pre>{@code
 * String svg = EpisodePlot.render(EpisodeLog.read(Path.of("episodes/run.jsonl")));
 * }</pre>
 */
public final class EpisodePlot {
    /** What {@code WorldChanges} writes into each observation: the sim time an action spanned. */
    private static final Pattern SIM_SPAN = Pattern.compile("sim time (-?[0-9.]+) -> (-?[0-9.]+) s");

    /** The episode has nothing to draw; the message says why and what to do instead. */
    public static final class NothingToPlot extends RuntimeException {
        NothingToPlot(String message) {
            super(message);
        }
    }

    private EpisodePlot() {}

    /**
     * The episode's plot.
     *
     * @throws NothingToPlot when the log has no {@code world_state} record or its world has nothing to draw
     * @throws IllegalArgumentException when the recorded state is not the shape its world writes
     */
    @SuppressWarnings("unchecked")
    public static String render(RecordedEpisode episode) {
        Optional<EpisodeRecord> world = episode.last("world_state");
        if (world.isEmpty()) {
            throw new NothingToPlot(episode.file() + " has no world_state record: it was not recorded against a simulated world"
                    + " (episodes from codeact demo, eval, and run --world or --task have one); codeact replay "
                    + episode.file() + " shows it turn by turn");
        }
        String name = String.valueOf(world.get().fields().get("world"));
        if (!(world.get().fields().get("state") instanceof Map<?, ?> state)) {
            throw new IllegalArgumentException(episode.file() + ": the world_state record (line " + world.get().seq()
                    + ") has no state map; the log is damaged or was written by another program");
        }
        List<SafetyMark> marks = marks(episode, SvgCanvas.num(((Map<String, Object>) state).get("t"), Double.NaN));
        return switch (name) {
            case "warehouse" -> WarehousePlot.draw((Map<String, Object>) state, List.of(), marks);
            case "tabletop" -> TabletopPlot.draw((Map<String, Object>) state, marks);
            case "smart_home" -> SmartHomePlot.draw((Map<String, Object>) state, marks);
            case "toolbox" -> throw new NothingToPlot("the toolbox world has nothing to draw (no map, nothing moves, no time passes); "
                    + "codeact replay " + episode.file() + " shows the episode");
            default -> throw new NothingToPlot("plotting the " + name + " world is not supported; worlds with plots: "
                    + "warehouse, tabletop, smart_home; codeact replay " + episode.file() + " shows the episode");
        };
    }

    /**
     * The safety events worth marking, each with its turn and the sim time span of that turn's action.
     * {@code safety} records carry no turn: a record belongs to the last {@code action} before it. A turn's
     * span comes from its observation ({@code sim time A -> B s}); a turn without one (the episode ended in
     * it) ran until {@code finalT}; a record after its turn's observation happened at the turn's end.
     */
    static List<SafetyMark> marks(RecordedEpisode episode, double finalT) {
        Map<Integer, double[]> spans = new HashMap<>();
        double lastEnd = 0;
        for (EpisodeRecord r : episode.records()) {
            if (r.is(EpisodeRecord.OBSERVATION)) {
                double[] span = simSpan(r);
                if (span != null) {
                    spans.put(r.turn(), span);
                    lastEnd = span[1];
                } else {
                    spans.put(r.turn(), new double[] {lastEnd, lastEnd});
                }
            }
        }
        List<SafetyMark> out = new ArrayList<>();
        int turn = 0;
        boolean observed = false;
        double end = 0;
        for (EpisodeRecord r : episode.records()) {
            if (r.is(EpisodeRecord.ACTION)) {
                turn = r.turn();
                observed = false;
            } else if (r.is(EpisodeRecord.OBSERVATION)) {
                observed = true;
                end = spans.get(r.turn())[1];
            } else if (r.is("safety") && SafetyMark.worthMarking(r.fields())) {
                double from;
                double to;
                if (turn == 0 || observed) {
                    from = end;
                    to = end;
                } else if (spans.containsKey(turn)) {
                    from = spans.get(turn)[0];
                    to = spans.get(turn)[1];
                } else {
                    from = end;
                    to = Double.isNaN(finalT) ? end : Math.max(end, finalT);
                }
                out.add(new SafetyMark(String.valueOf(r.fields().get("event")), r.text("tool").orElse(null), turn,
                        detail(r.fields()), SafetyMark.target(r.fields().get("args")), from, to));
            }
        }
        return out;
    }

    private static double[] simSpan(EpisodeRecord observation) {
        List<String> texts = new ArrayList<>();
        for (Object o : SvgCanvas.list(observation.fields().get("telemetry"))) {
            texts.add(String.valueOf(o));
        }
        observation.text("text").ifPresent(texts::add);
        for (String text : texts) {
            Matcher m = SIM_SPAN.matcher(text);
            if (m.find()) {
                return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
            }
        }
        return null;
    }

    private static String detail(Map<String, Object> f) {
        String event = String.valueOf(f.get("event"));
        return switch (event) {
            case "stop", "lease_expired" -> "by " + f.get("by");
            case "halt", "halt_failed" -> String.valueOf(f.get("reason"));
            case "clamped" -> f.get("param") + " " + f.get("value") + " clamped to " + f.get("limit");
            default -> f.get("message") != null ? String.valueOf(f.get("message")) : String.valueOf(f.get("rule"));
        };
    }
}
