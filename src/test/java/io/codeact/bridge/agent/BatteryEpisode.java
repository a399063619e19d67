package io.codeact.bridge.agent;

import io.codeact.bridge.agent.EpisodeLog.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small recorded episode for the printer and exporter tests: the model misspells a method, reads the
 * traceback, fixes it, and answers. Replies end where the {@code </execute>} stop sequence cut them.
 */
final class BatteryEpisode {
    static final String SYSTEM = "You control a robot through Python.";
    static final String GOAL = "Report the battery level of the robot.";
    static final String REPLY_1 = "I'll read the battery.\n<execute>\nprint(robot.batery())\n";
    static final String ERROR = "Traceback (most recent call last):\n  File \"<action>\", line 1, in <module>\n"
            + "AttributeError: 'Robot' object has no attribute 'batery'";
    static final String REPLY_2 = "Typo in the name; fix it.\n<execute>\nprint(robot.battery())\n";
    static final String REPLY_3 = "The battery is at 82 %.\n<solution>The battery is at 82 %.</solution>";

    private BatteryEpisode() {}

    /** Record fields in the order given (Map.of has none, and printed fields keep map order). */
    static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** Writes the episode; {@code success} is the task check's verdict, or null for a goal without one. */
    static Path write(Path file, String outcome, Boolean success) throws IOException {
        CodeActionParser parser = new CodeActionParser();
        try (EpisodeLog log = EpisodeLog.open(file,
                o -> o.clock(new SteppingClock(Instant.parse("2025-03-01T09:00:00Z"), Duration.ofMillis(400))))) {
            log.episodeStart(GOAL, "scripted:battery.jsonl", "code", "battery-1", Map.of("max_turns", 5));
            log.prompt(1, List.of(new Message("system", SYSTEM), new Message("user", GOAL)));
            log.reply(1, REPLY_1, Map.of("prompt_tokens", 40, "completion_tokens", 12), 300);
            log.action(1, (ParsedReply.Action) parser.parse(REPLY_1));
            log.observation(1, ERROR, Map.of("stdout", "", "error", ERROR));
            log.prompt(2, List.of(new Message("user", ERROR)));
            log.reply(2, REPLY_2, null, 250);
            log.action(2, (ParsedReply.Action) parser.parse(REPLY_2));
            log.record("telemetry", ordered("turn", 2, "topic", "/battery", "summary", "0.82 (unchanged)"));
            log.observation(2, "0.82", Map.of("stdout", "0.82\n"));
            log.prompt(3, List.of(new Message("user", "0.82")));
            log.reply(3, REPLY_3, null, 200);
            if (success == null) {
                log.episodeEnd(outcome, 3, "The battery is at 82 %.");
            } else {
                log.episodeEnd(outcome, 3, "The battery is at 82 %.", success);
            }
        }
        return file;
    }
}
