package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.agent.EpisodeLog.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeReplayPrinterTest {
    private final EpisodeReplayPrinter printer = new EpisodeReplayPrinter();

    @TempDir
    Path dir;

    @Test
    void printsGoalThenEachTurnsThoughtCodeAndOutputThenTheOutcome() throws IOException {
        Path file = BatteryEpisode.write(dir.resolve("battery.jsonl"), "solved", true);
        assertThat(printer.render(EpisodeLog.read(file))).isEqualTo("""
                Episode %s
                Goal:    Report the battery level of the robot.
                Model:   scripted:battery.jsonl (scripted replies, not a live model)
                Mode:    code
                Task:    battery-1
                Started: 2025-03-01T09:00:00.400Z

                === Turn 1 (at 0.8 s) ===
                Thought:
                  I'll read the battery.
                Code:
                  print(robot.batery())
                Error:
                  Traceback (most recent call last):
                    File "<action>", line 1, in <module>
                  AttributeError: 'Robot' object has no attribute 'batery'

                === Turn 2 (at 2.4 s) ===
                Thought:
                  Typo in the name; fix it.
                Code:
                  print(robot.battery())
                Telemetry: {"topic":"/battery","summary":"0.82 (unchanged)"}
                Output:
                  0.82

                === Turn 3 (at 4.4 s) ===
                Thought:
                  The battery is at 82 %%.
                Solution:
                  The battery is at 82 %%.

                === End (at 5.2 s) ===
                Outcome: solved after 3 turns; task check passed
                """.formatted(file));
    }

    @Test
    void marksAnUnfinishedEpisodeAndListsWhatCouldNotBeRead() throws IOException {
        Path file = dir.resolve("cut.jsonl");
        try (EpisodeLog log = EpisodeLog.open(file)) {
            log.episodeStart("Wave", "openai:gpt-4o", "code", null, Map.of());
            log.reply(1, "<execute>arm.wave()</execute>", null, 10);
        }
        Files.writeString(file, "{\"seq\":3,\"ty", StandardOpenOption.APPEND);
        String text = printer.render(EpisodeLog.read(file));
        assertThat(text).contains("Model:   openai:gpt-4o\n").doesNotContain("scripted").doesNotContain("Task:")
                .contains("(no episode_end record: the episode did not finish, or the controller was stopped)\n")
                .endsWith("Problems reading this log:\n  " + file + ":3: the last line is incomplete (12 characters, no "
                        + "newline): the writer stopped in the middle of a record, e.g. the controller was killed. The 2 "
                        + "records before it were read.\n");
    }

    @Test
    void printsAReplyWithoutActionWholeAndTheCorrectionSent() throws IOException {
        Path file = dir.resolve("noaction.jsonl");
        var parser = new CodeActionParser();
        String reply = "I would call robot.stop() now.";
        try (EpisodeLog log = EpisodeLog.open(file)) {
            log.episodeStart("Stop", "openai:local", "code", null, Map.of());
            log.reply(1, reply, null, 10);
            log.observation(1, ((ParsedReply.NoAction) parser.parse(reply)).reason(), Map.of());
        }
        assertThat(printer.render(EpisodeLog.read(file))).contains("""
                Reply (no action):
                  I would call robot.stop() now.
                Observation:
                  Nothing was run: your reply has no <execute> block and no <solution>.""");
    }

    @Test
    void showsTheUsersFeedbackFromLaterPromptsButNotTheObservationAgain() throws IOException {
        Path file = dir.resolve("chat.jsonl");
        try (EpisodeLog log = EpisodeLog.open(file)) {
            log.episodeStart("Pick up the box", "anthropic:claude", "code", null, Map.of());
            log.prompt(1, List.of(new Message("system", "s"), new Message("user", "Pick up the box")));
            log.reply(1, "<execute>arm.pick('blue box')</execute>", null, 10);
            log.observation(1, "picked", Map.of("stdout", "picked\n"));
            log.prompt(2, List.of(new Message("user", "picked"), new Message("user", "No, the red box.")));
        }
        String text = printer.render(EpisodeLog.read(file));
        assertThat(text).contains("User:\n  No, the red box.\n").doesNotContain("User:\n  picked");
    }

    @Test
    void readsThoughtsWithTheParserOfTheEpisodesMode() throws IOException {
        Path file = dir.resolve("json.jsonl");
        String reply = "Stop first.\n{\"tool\": \"base.stop\"}";
        try (EpisodeLog log = EpisodeLog.open(file)) {
            log.episodeStart("Stop", "openai:m", "json", null, Map.of());
            log.reply(1, reply, null, 10);
            log.action(1, (ParsedReply.Action) new JsonActionParser().parse(reply));
            log.record("safety_event", BatteryEpisode.ordered("turn", 1, "rule", "speed", "decision", "allowed"));
            log.episodeEnd("max_turns", 1, null);
        }
        assertThat(printer.render(EpisodeLog.read(file))).contains("""
                Thought:
                  Stop first.
                Code:
                  print(base.stop())
                Safety event: {"rule":"speed","decision":"allowed"}
                """).contains("Outcome: max_turns after 1 turn\n");
    }
}
