package io.codeact.bridge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuccessCheckTest {
    private static final Map<String, Object> STATE = Map.of(
            "robots", Map.of("r1", Map.of("docked_at", "bay_3", "battery", 76.4, "collisions", 0)),
            "rooms", Map.of("kitchen", Map.of("light_on", false), "hall", Map.of("light_on", true)),
            "stacks", List.of(List.of("red_block", "green_block")));

    private static SuccessCheck check(String yaml) throws Exception {
        return new SuccessCheck(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    @Test
    void statePathsWithComparisons() throws Exception {
        assertThat(check("{state: robots.r1.docked_at, equals: bay_3}").evaluate(STATE, "").passed()).isTrue();
        assertThat(check("{state: robots.r1.battery, gt: 50}").evaluate(STATE, "").passed()).isTrue();
        assertThat(check("{state: robots.r1.collisions, equals: 0}").evaluate(STATE, "").passed()).isTrue();
        assertThat(check("{state: stacks.0, equals: [red_block, green_block]}").evaluate(STATE, "").passed()).isTrue();
        assertThat(check("{state: stacks, contains: [red_block, green_block]}").evaluate(STATE, "").passed()).isTrue();
    }

    @Test
    void wildcardMeansEveryValueAndSaysWhichFailed() throws Exception {
        SuccessCheck.Result r = check("{state: rooms.*.light_on, equals: false}").evaluate(STATE, "");
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).containsExactly("rooms.*.light_on = true: expected false");
    }

    @Test
    void answerChecks() throws Exception {
        String answer = "Docked at Bay_3; battery 76 %.";
        assertThat(check("{answer_contains: bay_3}").evaluate(STATE, answer).passed()).isTrue();
        assertThat(check("{answer_number_state: robots.r1.battery, tol: 1}").evaluate(STATE, answer).passed()).isTrue();
        assertThat(check("{answer_number: 80, tol: 1}").evaluate(STATE, answer).failures())
                .containsExactly("the answer has no number within 1.0 of 80.0");
        assertThat(check("{answer_contains_state: robots.r1.docked_at}").evaluate(STATE, answer).passed()).isTrue();
    }

    @Test
    void combinators() throws Exception {
        assertThat(check("all: [{state: robots.r1.battery, lt: 50}, {answer_contains: bay}]").evaluate(STATE, "bay").failures())
                .containsExactly("robots.r1.battery = 76.4: expected < 50.0");
        assertThat(check("any: [{answer_contains: x}, {answer_contains: bay}]").evaluate(STATE, "bay").passed()).isTrue();
        assertThat(check("not: {state: robots.r1.docked_at, equals: bay_1}").evaluate(STATE, "").passed()).isTrue();
        assertThat(check("{state: robots.r2.docked_at, equals: bay_1}").evaluate(STATE, "").failures())
                .containsExactly("robots.r2.docked_at is not in the state");
    }
}
