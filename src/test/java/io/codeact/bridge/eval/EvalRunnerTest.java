package io.codeact.bridge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle passes a right reference and fails a wrong one, on the real simulator and sandbox. */
class EvalRunnerTest {
    private static final String SUITE = """
            tasks:
              - id: lights-off
                world: smart_home
                goal: Turn off every light in the house.
                difficulty: easy
                max_turns: 4
                check: {state: rooms.*.light_on, equals: false}
                reference: |
                  for room in home.rooms()['rooms']:
                      home.light.set(room, False)
                  finish("All lights are off.")
              - id: lights-off-wrong
                world: smart_home
                goal: Turn off every light in the house.
                max_turns: 4
                check: {state: rooms.*.light_on, equals: false}
                reference: |
                  home.light.set('kitchen', False)
                  finish("Done.")
            """;

    @TempDir
    Path dir;

    @Test
    void oracleSucceedsOnARightReferenceAndFailsOnAWrongOne() throws Exception {
        Files.writeString(dir.resolve("suite.yaml"), SUITE);
        List<Task> tasks = TaskSuite.load(dir).tasks();
        List<EvalRunner.EpisodeSummary> seen = new ArrayList<>();
        EvalRunner.Report report = new EvalRunner(Path.of("robot-tools"), dir.resolve("logs"), 2, Duration.ofSeconds(30))
                .run(tasks, List.of("code"), 1, OracleChatModel::new, seen::add);

        assertThat(report.episodes()).extracting(EvalRunner.EpisodeSummary::task, EvalRunner.EpisodeSummary::success)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lights-off", true),
                        org.assertj.core.groups.Tuple.tuple("lights-off-wrong", false));
        assertThat(report.episodes().get(1).checkFailures()).anySatisfy(f -> assertThat(f).contains("light_on = true"));
        assertThat(report.modes().get("code").successRate()).isEqualTo(0.5);
        assertThat(seen).hasSize(2);
        assertThat(Files.readString(dir.resolve("logs/lights-off-code-1.jsonl"))).contains("\"success\":true");
    }

    @Test
    void badTaskFilesNameFileLineAndField() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "tasks:\n  - id: t1\n    world: warehouse\n    goal: g\n    reference: x\n    check: {state: a}\n");
        assertThatThrownBy(() -> TaskSuite.load(dir))
                .hasMessage(dir.resolve("bad.yaml") + ":6: task t1, field check: a state check needs one of equals, in, gt, ge, lt, le, approx, exists, contains, length");
        Files.writeString(dir.resolve("bad.yaml"), "id: t2\nworld: warehouse\ngoal: g\nreference: x\ncheck: {answer_contains: y}\ncolour: red\n");
        assertThatThrownBy(() -> TaskSuite.load(dir)).hasMessageStartingWith(dir.resolve("bad.yaml") + ":6: task t2, field colour: unknown field");
    }
}
