package io.codeact.bridge.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link GoalParser}: goals as sent on MQTT and ROS, and the errors that name what is wrong. */
class GoalParserTest {
    private static Goal parse(String json) {
        return GoalParser.parse(json.getBytes(StandardCharsets.UTF_8), "test", () -> "made-up-1");
    }

    private static MalformedGoalException refused(String json) {
        try {
            parse(json);
        } catch (MalformedGoalException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void readsAGoalInWordsWithBudgets() {
        Goal g = parse("{\"goal_id\": \"g1\", \"text\": \"Dock.\", \"max_turns\": 8, \"time_budget_s\": 90.5, \"token_budget\": 20000}");
        assertThat(g.goalId()).isEqualTo("g1");
        assertThat(g.text()).isEqualTo("Dock.");
        assertThat(g.task()).isNull();
        assertThat(g.maxTurns()).isEqualTo(8);
        assertThat(g.timeBudgetSeconds()).isEqualTo(90.5);
        assertThat(g.tokenBudget()).isEqualTo(20000L);
        assertThat(g.source()).isEqualTo("test");
    }

    @Test
    void readsATaskGoalAndMakesUpAMissingId() {
        Goal g = parse("{\"task\": \"warehouse-dock-nearest\"}");
        assertThat(g.goalId()).isEqualTo("made-up-1");
        assertThat(g.task()).isEqualTo("warehouse-dock-nearest");
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThat(refused("dock the robot").getMessage()).startsWith("the goal is not JSON (");
        assertThat(refused("").getMessage()).startsWith("the goal must be a JSON object, got an empty message; send {");
        assertThat(refused("[1, 2]").getMessage()).startsWith("the goal must be a JSON object, got an array [1,2]");
        assertThatThrownBy(() -> GoalParser.parse(new byte[] {(byte) 0xff, (byte) 0xfe}, "test", () -> "x"))
                .hasMessageStartingWith("the goal is not UTF-8 text");
    }

    @Test
    void namesTheMissingOrMistypedField() {
        MalformedGoalException missing = refused("{\"goal_id\": \"g2\"}");
        assertThat(missing.field()).isEqualTo("text");
        assertThat(missing.goalId()).isEqualTo("g2");
        assertThat(missing.getMessage()).startsWith("missing field 'text' (the goal in words) or 'task'");
        assertThat(refused("{\"goal_id\": \"g3\", \"text\": 42}").getMessage())
                .isEqualTo("field 'text' must be a non-empty string, got the number 42");
        assertThat(refused("{\"goal_id\": 7, \"text\": \"Dock.\"}").getMessage())
                .isEqualTo("field 'goal_id' must be a non-empty string, got the number 7");
        assertThat(refused("{\"text\": \"Dock.\", \"max_turns\": \"five\"}").getMessage())
                .isEqualTo("field 'max_turns' must be a whole number 1..1000, got the string \"five\"");
        assertThat(refused("{\"text\": \"Dock.\", \"time_budget_s\": -1}").field()).isEqualTo("time_budget_s");
        assertThat(refused("{\"text\": \"Dock.\", \"token_budget\": 1.5}").field()).isEqualTo("token_budget");
        assertThat(refused("{\"text\": \"Dock.\", \"task\": \"t\"}").getMessage()).isEqualTo("a goal has 'text' or 'task', not both");
        assertThat(refused("{\"txt\": \"Dock.\"}").getMessage()).isEqualTo("unknown field 'txt'; a goal has the fields"
                + " goal_id, text, task, max_turns, time_budget_s, token_budget");
    }
}
