package io.codeact.bridge.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an episode log into the text a person wants to read: the goal, then turn by turn the model's
 * thought, the code it ran, the output or error, commands and safety events, and finally the outcome.
 * Used by {@code codeact replay FILE}. Replies are re-read with the parser of the episode's mode to
 * separate thought from action; the code shown is what the {@code action} record says ran.
 *
 * <pre>{@code
 * System.out.print(new EpisodeReplayPrinter().render(EpisodeLog.read(file)));
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class EpisodeReplayPrinter {
    private static final String INDENT = "  ";

    /** The whole episode as text, ending with a newline. */
    public String render(RecordedEpisode episode) {
        var out = new Out();
        Optional<EpisodeRecord> start = episode.first(EpisodeRecord.EPISODE_START);
        out.line("Episode " + episode.file());
        start.ifPresentOrElse(s -> header(s, out), () -> out.line("(no episode_start record)"));
        ActionParser parser = parserFor(start.flatMap(s -> s.text("mode")).orElse("code"));

        int turn = 0;
        int prompts = 0;
        String shownSolution = null;
        String lastObservation = null;
        String pendingSolution = null;
        for (EpisodeRecord r : episode.records()) {
            if (r.turn() > turn) {
                shownSolution = pendingSolution == null ? shownSolution : pendingSolution;
                pendingSolution = flushSolution(pendingSolution, out);
                turn = r.turn();
                out.blank();
                out.line("=== Turn " + turn + " (at " + seconds(r.ms()) + ") ===");
            }
            switch (r.type()) {
                case EpisodeRecord.EPISODE_START -> { }
                case EpisodeRecord.PROMPT -> {
                    if (prompts++ > 0) {
                        userMessages(r, lastObservation, out);
                    }
                }
                case EpisodeRecord.REPLY -> pendingSolution = reply(parser, r.text("text").orElse(""), out);
                case EpisodeRecord.ACTION -> {
                    out.block("Code:", r.text("code").orElse(""));
                    list(r, "notes", "Note to the model: ", out);
                }
                case EpisodeRecord.OBSERVATION -> {
                    observation(r, out);
                    lastObservation = r.text("text").orElse(null);
                }
                case EpisodeRecord.NOTE -> out.line("Note: " + r.text("text").orElse(""));
                case EpisodeRecord.EPISODE_END -> {
                    shownSolution = pendingSolution == null ? shownSolution : pendingSolution;
                    pendingSolution = flushSolution(pendingSolution, out);
                    end(r, shownSolution, out);
                }
                default -> out.line(label(r.type()) + ": " + compact(r));
            }
        }
        flushSolution(pendingSolution, out);
        if (!episode.finished()) {
            out.blank();
            out.line("(no episode_end record: the episode did not finish, or the controller was stopped)");
        }
        if (!episode.problems().isEmpty()) {
            out.blank();
            out.line("Problems reading this log:");
            episode.problems().forEach(p -> out.line(INDENT + p));
        }
        return out.toString();
    }

    private static void header(EpisodeRecord start, Out out) {
        out.line("Goal:    " + start.text("goal").orElse("(none)"));
        String model = start.text("model").orElse("(unknown)");
        out.line("Model:   " + model + (model.startsWith("scripted:") ? " (scripted replies, not a live model)" : ""));
        out.line("Mode:    " + start.text("mode").orElse("code"));
        start.text("task").ifPresent(task -> out.line("Task:    " + task));
        out.line("Started: " + start.t());
    }

    private static ActionParser parserFor(String mode) {
        try {
            return ActionParser.forMode(mode);
        } catch (IllegalArgumentException e) {
            return new CodeActionParser();
        }
    }

    /** Prints the reply's thought (or the whole reply if it had no action); returns a solution to show later. */
    private static String reply(ActionParser parser, String text, Out out) {
        ParsedReply parsed = parser.parse(text);
        if (parsed instanceof ParsedReply.NoAction) {
            out.block("Reply (no action):", text.strip());
            return null;
        }
        if (!parsed.thought().isBlank()) {
            out.block("Thought:", parsed.thought());
        }
        return switch (parsed) {
            case ParsedReply.Solution s -> s.text();
            case ParsedReply.ActionAndSolution both -> both.solution();
            default -> null;
        };
    }

    private static String flushSolution(String solution, Out out) {
        if (solution != null) {
            out.block("Solution:", solution);
        }
        return null;
    }

    /** User messages of later prompts that are not the observation just shown: the user's feedback in chat. */
    private static void userMessages(EpisodeRecord prompt, String lastObservation, Out out) {
        if (prompt.fields().get("messages") instanceof List<?> messages) {
            for (Object m : messages) {
                if (m instanceof Map<?, ?> msg && "user".equals(msg.get("role")) && msg.get("content") instanceof String c
                        && !c.equals(lastObservation)) {
                    out.block("User:", c);
                }
            }
        }
    }

    private static void observation(EpisodeRecord r, Out out) {
        boolean detailed = false;
        Optional<String> stdout = r.text("stdout");
        Optional<String> error = r.text("error").filter(e -> !e.isBlank());
        if (stdout.isPresent() && (!stdout.get().isBlank() || error.isEmpty())) {
            out.block("Output:", stdout.get().isBlank() ? "(none)" : stdout.get());
            detailed = true;
        }
        if (error.isPresent()) {
            out.block("Error:", error.get());
            detailed = true;
        }
        Object telemetry = r.fields().get("telemetry");
        if (telemetry != null) {
            out.block("Telemetry:", telemetry instanceof String s ? s : json(telemetry));
            detailed = true;
        }
        detailed |= list(r, "safety_events", "Safety: ", out);
        if (!detailed) {
            out.block("Observation:", r.text("text").orElse(""));
        }
    }

    private static boolean list(EpisodeRecord r, String field, String prefix, Out out) {
        if (r.fields().get(field) instanceof List<?> items && !items.isEmpty()) {
            items.forEach(item -> out.line(prefix + (item instanceof String s ? s : json(item))));
            return true;
        }
        return false;
    }

    private static void end(EpisodeRecord r, String shownSolution, Out out) {
        out.blank();
        out.line("=== End (at " + seconds(r.ms()) + ") ===");
        String outcome = r.text("outcome").orElse("(unknown)");
        long turns = r.number("turns").orElse(0L);
        String check = r.flag("success").map(ok -> ok ? "; task check passed" : "; task check FAILED").orElse("");
        out.line("Outcome: " + outcome + " after " + turns + (turns == 1 ? " turn" : " turns") + check);
        r.text("answer").filter(a -> !a.equals(shownSolution)).ifPresent(a -> out.block("Answer:", a));
    }

    private static String label(String type) {
        String words = type.replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String compact(EpisodeRecord r) {
        Map<String, Object> fields = new LinkedHashMap<>(r.fields());
        fields.remove("turn");
        return json(fields);
    }

    private static String json(Object value) {
        try {
            return EpisodeLog.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static final class Out {
        private final StringBuilder text = new StringBuilder();

        void line(String s) {
            text.append(s).append('\n');
        }

        void blank() {
            if (!text.isEmpty() && !text.toString().endsWith("\n\n")) {
                text.append('\n');
            }
        }

        /** A label on its own line, then the body indented, without trailing blank lines. */
        void block(String label, String body) {
            line(label);
            for (String l : body.stripTrailing().split("\n", -1)) {
                line(l.isEmpty() ? "" : INDENT + l);
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
