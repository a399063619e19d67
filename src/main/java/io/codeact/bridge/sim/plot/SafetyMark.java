package io.codeact.bridge.sim.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One safety event of an episode worth seeing on a plot: a refusal (also of a denied confirmation), a
 * clamp, a stop, a halt or an expired lease (the routine {@code command} and {@code dry_run} records are not marks).
 *
 * <p>The episode log stamps {@code safety} records with wall time, not sim time, so a mark carries the sim
 * time span in which it happened: the span of its turn's code action ({@code simFrom}..{@code simTo}, s),
 * read from the turn's observation, or one instant when it came between turns. {@code NaN} when unknown.
 *
 * @param event   the record's {@code event}: {@code rejected}, {@code clamped}, {@code stop}, {@code halt}, …
 * @param tool    the tool it concerned ({@code robot.base.go_to}), or null (a stop)
 * @param turn    the turn it happened in, 0 before the first action
 * @param detail  the reason in words (message, rule, reason or who stopped)
 * @param target  {@code [x, y]} (or {@code [x, y, z]}) from the call's arguments when it was a motion to a
 *                point, else null
 * @param simFrom the start of the sim time span, s
 * @param simTo   its end, s
 */
public record SafetyMark(String event, String tool, int turn, String detail, double[] target, double simFrom, double simTo) {
    /** One line for a legend: {@code turn 2: refused robot.base.go_to(x=3.0, y=4.0): …}. */
    public String caption() {
        StringBuilder s = new StringBuilder("turn ").append(turn).append(": ").append(verb());
        if (tool != null) {
            s.append(' ').append(tool).append("()");
        }
        if (target != null) {
            s.append(" to (");
            for (int i = 0; i < target.length; i++) {
                s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", target[i]));
            }
            s.append(')');
        }
        if (!Double.isNaN(simFrom)) {
            s.append(simFrom == simTo ? String.format(Locale.ROOT, " at sim %.1f s", simTo)
                    : String.format(Locale.ROOT, " during sim %.1f–%.1f s", simFrom, simTo));
        }
        if (detail != null && !detail.isBlank()) {
            s.append(": ").append(detail);
        }
        return s.length() > 150 ? s.substring(0, 149) + "…" : s.toString();
    }

    private String verb() {
        return switch (event) {
            case "rejected" -> "refused";
            case "stop" -> "STOP";
            case "halt" -> "halted motion";
            case "lease_expired" -> "lease expired on";
            default -> event;
        };
    }

    /** The marks among an episode's {@code safety} record fields, in order (see {@link EpisodePlot}). */
    static boolean worthMarking(Map<String, Object> fields) {
        Object event = fields.get("event");
        if (!(event instanceof String e)) {
            return false;
        }
        return switch (e) {
            case "rejected", "clamped", "stop", "halt", "halt_failed", "lease_expired" -> true;
            default -> false; // a denied confirmation is followed by its own "rejected" record
        };
    }

    /** {@code [x, y]} or {@code [x, y, z]} from a call's arguments, or null when it has no point. */
    static double[] target(Object args) {
        if (!(args instanceof Map<?, ?> a) || !(a.get("x") instanceof Number x) || !(a.get("y") instanceof Number y)) {
            return null;
        }
        List<Double> p = new ArrayList<>(List.of(x.doubleValue(), y.doubleValue()));
        if (a.get("z") instanceof Number z) {
            p.add(z.doubleValue());
        }
        return p.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Legend lines for the marks, at most {@code max}, then a count of the rest. */
    static List<String> captions(List<SafetyMark> marks, int max) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < marks.size() && i < max; i++) {
            out.add(marks.get(i).caption());
        }
        if (marks.size() > max) {
            out.add("… and " + (marks.size() - max) + " more safety events (codeact replay LOG lists them all)");
        }
        return out;
    }
}
