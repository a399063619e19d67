package io.codeact.bridge.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes successful episodes as fine-tuning data in the OpenAI chat format, one conversation per line:
 * <pre>{@code {"messages":[{"role":"system","content":"..."},{"role":"user","content":"..."},{"role":"assistant","content":"..."},...]}}</pre>
 * (the CodeActInstruct idea of the CodeAct paper). Used by {@code codeact export --format chat-jsonl}.
 *
 * <p>The conversation is rebuilt from the log: each {@code prompt} record adds its {@code messages}
 * (or, with {@code replace}, starts over from them), each {@code reply} adds an assistant message. A
 * code-mode reply cut by the {@code </execute>} stop sequence gets its closing tag back, so the data
 * teaches well-formed actions. It is the conversation as the model saw it, including observations
 * shortened by the loop.
 *
 * <p>Exported: episodes whose {@code episode_end} says {@code success: true}. With
 * {@link #includingUnchecked()}, also episodes that ended {@code solved} without a task check. Skipped,
 * each with a reason: unfinished or unreadable logs, logs with damaged lines, failed or unsolved
 * episodes, and conversations that do not end with the model's reply. Immutable and thread-safe.
 *
 * <pre>{@code
 * ChatExporter.Report report = new ChatExporter().export(List.of(logFile), writer);
 * report.skipped().forEach(System.err::println);
 * }</pre>
 */
public final class ChatExporter {
    private final boolean includeUnchecked;

    /** Exports only episodes whose task check passed. */
    public ChatExporter() {
        this(false);
    }

    private ChatExporter(boolean includeUnchecked) {
        this.includeUnchecked = includeUnchecked;
    }

    /** Also exports episodes that ended {@code solved} and had no task check. */
    public ChatExporter includingUnchecked() {
        return new ChatExporter(true);
    }

    /**
     * What an export did.
     *
     * @param skipped one sentence per skipped log: {@code "FILE: skipped: WHY"}
     */
    public record Report(int exported, List<String> skipped) {
        public Report {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Reads each log and writes one line per exportable episode to {@code out}. A log that cannot be
     * read is skipped and reported, not thrown.
     *
     * @throws IOException only when writing to {@code out} fails
     */
    public Report export(List<Path> logs, Writer out) throws IOException {
        int exported = 0;
        List<String> skipped = new ArrayList<>();
        for (Path log : logs) {
            RecordedEpisode episode;
            try {
                episode = EpisodeLog.read(log);
            } catch (IOException e) {
                skipped.add(log + ": skipped: cannot read it (" + e.getMessage() + ")");
                continue;
            }
            Optional<String> why = whyNotExported(episode);
            if (why.isPresent()) {
                skipped.add(log + ": skipped: " + why.get());
                continue;
            }
            out.write(line(conversation(episode)));
            out.write('\n');
            exported++;
        }
        out.flush();
        return new Report(exported, skipped);
    }

    /** The conversation the log records, whether or not the episode is exportable. */
    public List<EpisodeLog.Message> conversation(RecordedEpisode episode) {
        boolean codeMode = episode.first(EpisodeRecord.EPISODE_START).flatMap(s -> s.text("mode")).orElse("code")
                .equals("code");
        List<EpisodeLog.Message> messages = new ArrayList<>();
        for (EpisodeRecord r : episode.records()) {
            if (r.is(EpisodeRecord.PROMPT)) {
                if (r.flag("replace").orElse(false)) {
                    messages.clear();
                }
                if (r.fields().get("messages") instanceof List<?> added) {
                    for (Object m : added) {
                        if (m instanceof Map<?, ?> msg && msg.get("role") instanceof String role
                                && msg.get("content") instanceof String content) {
                            messages.add(new EpisodeLog.Message(role, content));
                        }
                    }
                }
            } else if (r.is(EpisodeRecord.REPLY)) {
                String text = r.text("text").orElse("");
                messages.add(new EpisodeLog.Message("assistant",
                        codeMode ? CodeActionParser.restoreStopSequence(text) : text));
            }
        }
        return messages;
    }

    Optional<String> whyNotExported(RecordedEpisode episode) {
        if (!episode.problems().isEmpty()) {
            return Optional.of("the log is damaged (" + episode.problems().getFirst() + ")");
        }
        Optional<EpisodeRecord> end = episode.last(EpisodeRecord.EPISODE_END);
        if (end.isEmpty()) {
            return Optional.of("the episode did not finish (no episode_end record)");
        }
        String outcome = end.get().text("outcome").orElse("(none)");
        Optional<Boolean> success = end.get().flag("success");
        if (success.isPresent() && !success.get()) {
            return Optional.of("not successful (outcome " + outcome + ", task check failed)");
        }
        if (success.isEmpty()) {
            if (!includeUnchecked) {
                return Optional.of("no task check confirmed success (outcome " + outcome
                        + "); unchecked episodes are exported only when asked");
            }
            if (!outcome.equals("solved")) {
                return Optional.of("not solved (outcome " + outcome + ")");
            }
        }
        List<EpisodeLog.Message> messages = conversation(episode);
        if (messages.isEmpty() || !messages.getLast().role().equals("assistant")) {
            return Optional.of("no conversation ending with the model's reply (check its prompt and reply records)");
        }
        return Optional.empty();
    }

    private static String line(List<EpisodeLog.Message> messages) {
        try {
            return EpisodeLog.JSON.writeValueAsString(Map.of("messages", messages));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("messages of strings always serialise", e);
        }
    }
}
