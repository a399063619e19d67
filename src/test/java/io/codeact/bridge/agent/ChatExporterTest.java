package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.agent.EpisodeLog.Message;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatExporterTest {
    private final ChatExporter exporter = new ChatExporter();

    @TempDir
    Path dir;

    @Test
    void writesASuccessfulEpisodeAsOneChatConversationPerLine() throws IOException {
        Path log = BatteryEpisode.write(dir.resolve("ok.jsonl"), "solved", true);
        StringWriter out = new StringWriter();

        ChatExporter.Report report = exporter.export(List.of(log), out);

        assertThat(report).isEqualTo(new ChatExporter.Report(1, List.of()));
        assertThat(out.toString()).endsWith("}\n").hasLineCount(1);
        Map<String, Object> line = new ObjectMapper().readValue(out.toString(), new TypeReference<>() { });
        assertThat(line).containsOnlyKeys("messages");
        assertThat(line.get("messages")).isEqualTo(List.of(
                Map.of("role", "system", "content", BatteryEpisode.SYSTEM),
                Map.of("role", "user", "content", BatteryEpisode.GOAL),
                Map.of("role", "assistant", "content", BatteryEpisode.REPLY_1 + "</execute>"),
                Map.of("role", "user", "content", BatteryEpisode.ERROR),
                Map.of("role", "assistant", "content", BatteryEpisode.REPLY_2 + "</execute>"),
                Map.of("role", "user", "content", "0.82"),
                Map.of("role", "assistant", "content", BatteryEpisode.REPLY_3)));
    }

    @Test
    void skipsEpisodesThatFailedDidNotFinishOrHadNoCheckAndSaysWhy() throws IOException {
        Path failed = BatteryEpisode.write(dir.resolve("failed.jsonl"), "solved", false);
        Path unchecked = BatteryEpisode.write(dir.resolve("unchecked.jsonl"), "solved", null);
        Path killed = dir.resolve("killed.jsonl");
        try (EpisodeLog log = EpisodeLog.open(killed)) {
            log.episodeStart("g", "m", "code", null, Map.of());
        }
        Path missing = dir.resolve("missing.jsonl");
        StringWriter out = new StringWriter();

        ChatExporter.Report report = exporter.export(List.of(failed, unchecked, killed, missing), out);

        assertThat(out.toString()).isEmpty();
        assertThat(report.exported()).isZero();
        assertThat(report.skipped()).containsExactly(
                failed + ": skipped: not successful (outcome solved, task check failed)",
                unchecked + ": skipped: no task check confirmed success (outcome solved); unchecked episodes are "
                        + "exported only when asked",
                killed + ": skipped: the episode did not finish (no episode_end record)",
                missing + ": skipped: cannot read it (" + missing + ": no such episode log)");
    }

    @Test
    void exportsSolvedEpisodesWithoutACheckWhenAsked() throws IOException {
        Path unchecked = BatteryEpisode.write(dir.resolve("unchecked.jsonl"), "solved", null);
        Path outOfTurns = BatteryEpisode.write(dir.resolve("turns.jsonl"), "max_turns", null);
        StringWriter out = new StringWriter();

        ChatExporter.Report report = exporter.includingUnchecked().export(List.of(unchecked, outOfTurns), out);

        assertThat(report.exported()).isEqualTo(1);
        assertThat(report.skipped()).containsExactly(outOfTurns + ": skipped: not solved (outcome max_turns)");
    }

    @Test
    void skipsADamagedLog() throws IOException {
        Path log = BatteryEpisode.write(dir.resolve("damaged.jsonl"), "solved", true);
        Files.writeString(log, "{\"seq\":", StandardOpenOption.APPEND);
        ChatExporter.Report report = exporter.export(List.of(log), new StringWriter());
        assertThat(report.skipped()).singleElement().asString()
                .startsWith(log + ": skipped: the log is damaged (" + log + ":14: the last line is incomplete");
    }

    @Test
    void startsOverAtAPromptThatReplacesTheConversation() throws IOException {
        Path file = dir.resolve("compacted.jsonl");
        try (EpisodeLog log = EpisodeLog.open(file)) {
            log.episodeStart("g", "m", "code", null, Map.of());
            log.prompt(1, List.of(new Message("system", "s"), new Message("user", "g")));
            log.reply(1, "<execute>a()</execute>", null, 1);
            log.promptReplacing(2, List.of(new Message("system", "s"), new Message("user", "g"),
                    new Message("user", "[earlier turns summarised]")));
            log.reply(2, "<solution>done</solution>", null, 1);
        }
        assertThat(exporter.conversation(EpisodeLog.read(file))).containsExactly(
                new Message("system", "s"), new Message("user", "g"), new Message("user", "[earlier turns summarised]"),
                new Message("assistant", "<solution>done</solution>"));
    }

    @Test
    void doesNotAddClosingTagsToRepliesOfOtherModes() throws IOException {
        Path file = dir.resolve("text.jsonl");
        try (EpisodeLog log = EpisodeLog.open(file)) {
            log.episodeStart("g", "m", "text", null, Map.of());
            log.reply(1, "Action: a()\n<execute>", null, 1);
        }
        assertThat(exporter.conversation(EpisodeLog.read(file)))
                .containsExactly(new Message("assistant", "Action: a()\n<execute>"));
    }

    @Test
    void skipsAConversationThatDoesNotEndWithTheModelsReply() throws IOException {
        Path file = dir.resolve("noreply.jsonl");
        try (EpisodeLog log = EpisodeLog.open(file)) {
            log.episodeStart("g", "m", "code", null, Map.of());
            log.prompt(1, List.of(new Message("user", "g")));
            log.episodeEnd("error", 0, null, true);
        }
        assertThat(exporter.export(List.of(file), new StringWriter()).skipped()).containsExactly(file
                + ": skipped: no conversation ending with the model's reply (check its prompt and reply records)");
    }
}
