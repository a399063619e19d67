package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.codeact.bridge.agent.ParsedReply.Action;
import io.codeact.bridge.agent.ParsedReply.ActionAndSolution;
import io.codeact.bridge.agent.ParsedReply.NoAction;
import io.codeact.bridge.agent.ParsedReply.Solution;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextActionParserTest {
    private final TextActionParser parser = new TextActionParser();

    private Action action(String reply) {
        return assertThat(parser.parse(reply)).asInstanceOf(type(Action.class)).actual();
    }

    private ToolCall call(String reply) {
        return action(reply).toolCall().orElseThrow();
    }

    private String reason(String reply) {
        return assertThat(parser.parse(reply)).asInstanceOf(type(NoAction.class)).actual().reason();
    }

    @Test
    void readsThoughtAndANamedArgumentCall() {
        Action a = action("""
                Thought: the dock is 2 m ahead, so drive slowly.
                Action: base.drive(speed=0.3, duration=6.5, label="to dock")""");
        assertThat(a.thought()).isEqualTo("the dock is 2 m ahead, so drive slowly.");
        assertThat(a.toolCall()).contains(ToolCall.of("base.drive", Map.of("speed", 0.3, "duration", 6.5,
                "label", "to dock")));
        assertThat(a.code()).isEqualTo("print(base.drive(speed=0.3, duration=6.5, label=\"to dock\"))");
    }

    @Test
    void readsPythonLiteralsIntoJavaValues() {
        ToolCall c = call("Action: t(a=1, b=-2.5e-3, c=True, d=False, e=None, f='it\\'s', g=[1, [2, \"x\"]], "
                + "h=(1, 2), i={'k': 1}, j=1_000, k=0x1F, l=99999999999999999999, m=.5, n=r'C:\\path')");
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("a", 1L);
        expected.put("b", -0.0025);
        expected.put("c", true);
        expected.put("d", false);
        expected.put("e", null);
        expected.put("f", "it's");
        expected.put("g", List.of(1L, List.of(2L, "x")));
        expected.put("h", List.of(1L, 2L));
        expected.put("i", Map.of("k", 1L));
        expected.put("j", 1000L);
        expected.put("k", 31L);
        expected.put("l", new BigInteger("99999999999999999999"));
        expected.put("m", 0.5);
        expected.put("n", "C:\\path");
        assertThat(c.named()).containsExactlyEntriesOf(expected);
    }

    @Test
    void readsPositionalArgumentsBeforeNamedOnes() {
        ToolCall c = call("Action: arm.move_to(0.4, -0.1, 0.25, frame=\"base\")");
        assertThat(c.positional()).containsExactly(0.4, -0.1, 0.25);
        assertThat(c.toPython()).isEqualTo("arm.move_to(0.4, -0.1, 0.25, frame=\"base\")");
    }

    @Test
    void readsACallWithoutArgumentsInBackticksAndBoldLabel() {
        assertThat(action("**Action:** `robot.stop()`").code()).isEqualTo("print(robot.stop())");
        assertThat(action("action: robot.stop ( )").code()).isEqualTo("print(robot.stop())");
    }

    @Test
    void readsACallSpanningLinesAndIgnoresTextAfterIt() {
        ToolCall c = call("""
                Action: nav.follow(path=[
                    [0, 0],
                    [1.0, 2.0],
                ])  # then I'll check
                """);
        assertThat(c.named()).containsEntry("path", List.of(List.of(0L, 0L), List.of(1.0, 2.0)));
    }

    @Test
    void runsOnlyTheFirstActionAndSaysSo() {
        Action a = action("Action: base.drive(speed=1)\nObservation: ok\nAction: base.stop()");
        assertThat(a.code()).isEqualTo("print(base.drive(speed=1))");
        assertThat(a.ignoredBlocks()).containsExactly("Action: base.stop()");
        assertThat(a.notes()).containsExactly(
                "Only the first Action was run; 1 later Action was not. Write one Action per reply and wait for its result.");
    }

    @Test
    void readsTheAnswerToTheEndOfTheReply() {
        assertThat(parser.parse("Thought: all three boxes are moved.\nAnswer: Moved 3 boxes.\nThey are on shelf B."))
                .isEqualTo(new Solution("all three boxes are moved.", "Moved 3 boxes.\nThey are on shelf B.", List.of()));
        assertThat(parser.parse("Final Answer: 42")).isEqualTo(new Solution("", "42", List.of()));
    }

    @Test
    void readsActionAndAnswerInOneReplyWithTheActionFirst() {
        ActionAndSolution both = (ActionAndSolution) parser.parse("Answer: parked\nAction: base.park()");
        assertThat(both.action().code()).isEqualTo("print(base.park())");
        assertThat(both.solution()).isEqualTo("parked");
    }

    @Test
    void reportsASyntaxErrorWithItsPosition() {
        assertThat(reason("I'll drive.\nAction: base.drive(speed=, duration=2)")).isEqualTo(
                "Nothing was run: your Action could not be read at line 2, column 26: expected a value (a number, "
                        + "\"string\", True, False, None or [list]), found ', duration=…'. Write it as: Action: "
                        + "tool_name(name=value, ...)");
    }

    @Test
    void reportsJsonStyleLiteralsWithTheirPythonSpelling() {
        assertThat(reason("Action: gripper.set(open=true)")).contains("column 26: 'true' is not Python: write True");
        assertThat(reason("Action: gripper.set(width=null)")).contains("'null' is not Python: write None");
    }

    @Test
    void reportsBareNamesAsValues() {
        assertThat(reason("Action: arm.pick(target=red_box)")).contains(
                "'red_box' is a name, not a value: write text in quotes, like \"red_box\"");
    }

    @Test
    void reportsUnclosedCallsAndStrings() {
        assertThat(reason("Action: base.drive(speed=1")).contains(
                "expected ')' or ',' between the arguments of base.drive, found the end of the reply");
        assertThat(reason("Action: say(text=\"hello)")).contains("line 1, column 18: the string opened at line 1, "
                + "column 18 is not closed: end it with \"");
    }

    @Test
    void reportsPositionalAfterNamedAndDuplicateArguments() {
        assertThat(reason("Action: f(a=1, 2)")).contains("a positional argument follows a named one");
        assertThat(reason("Action: f(a=1, a=2)")).contains("argument 'a' is given twice");
        assertThat(reason("Action: f(class=1)")).contains("'class' is a Python keyword and cannot name an argument");
    }

    @Test
    void reportsACallWithoutTheActionLabel() {
        assertThat(reason("I'll stop now.\nrobot.stop()")).isEqualTo("Nothing was run: your reply has what looks like "
                + "a call but no \"Action:\" label. Write it on a line of its own as: Action: tool_name(name=value, ...)");
    }

    @Test
    void reportsAReplyWithNeitherActionNorAnswer() {
        assertThat(reason("Hmm, let me think about the layout.")).startsWith(
                "Nothing was run: your reply has no Action and no Answer.");
        assertThat(reason("Answer:   ")).startsWith("Your Answer is empty.");
    }

    @Test
    void readsWindowsLineEndings() {
        assertThat(action("Thought: go\r\nAction: base.go(x=1)\r\n").thought()).isEqualTo("go");
    }

    @Test
    void teachesTheFormatAndStopsBeforeAnImaginedObservation() {
        assertThat(parser.formatInstructions()).contains("Action: tool_name(name=value, ...)", "Answer:");
        assertThat(parser.stopSequences()).containsExactly("\nObservation:");
    }
}
