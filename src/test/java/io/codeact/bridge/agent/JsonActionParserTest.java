package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.codeact.bridge.agent.ParsedReply.Action;
import io.codeact.bridge.agent.ParsedReply.ActionAndSolution;
import io.codeact.bridge.agent.ParsedReply.NoAction;
import io.codeact.bridge.agent.ParsedReply.Solution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonActionParserTest {
    private final JsonActionParser parser = new JsonActionParser();

    private Action action(String reply) {
        return assertThat(parser.parse(reply)).asInstanceOf(type(Action.class)).actual();
    }

    private String reason(String reply) {
        return assertThat(parser.parse(reply)).asInstanceOf(type(NoAction.class)).actual().reason();
    }

    @Test
    void readsABareToolCallAndRendersItAsPython() {
        Action a = action("{\"tool\": \"base.drive\", \"arguments\": {\"speed\": 0.5, \"duration\": 2}}");
        assertThat(a.toolCall()).contains(ToolCall.of("base.drive", Map.of("speed", 0.5, "duration", 2L)));
        assertThat(a.code()).isEqualTo("print(base.drive(speed=0.5, duration=2))");
        assertThat(a.thought()).isEmpty();
    }

    @Test
    void readsACallInAJsonFenceWithProseAroundIt() {
        Action a = action("""
                I need to open the gripper before approaching.
                ```json
                {
                  "tool": "gripper.open",
                  "arguments": {"width": 0.08, "label": "red \\"box\\""}
                }
                ```
                Then I will move closer.""");
        assertThat(a.thought()).isEqualTo("I need to open the gripper before approaching.");
        assertThat(a.code()).isEqualTo("print(gripper.open(width=0.08, label=\"red \\\"box\\\"\"))");
    }

    @Test
    void readsACallAfterProseOnTheSameLine() {
        assertThat(action("Calling: {\"tool\": \"robot.stop\"} now.").code()).isEqualTo("print(robot.stop())");
    }

    @Test
    void takesTheThoughtMemberIntoTheThought() {
        assertThat(action("{\"thought\": \"stop first\", \"tool\": \"robot.stop\", \"arguments\": {}}").thought())
                .isEqualTo("stop first");
    }

    @Test
    void acceptsNameAndArgsAliasesAndArgumentsEncodedAsAString() {
        assertThat(action("{\"name\": \"arm.home\", \"args\": {\"fast\": true}}").code())
                .isEqualTo("print(arm.home(fast=True))");
        assertThat(action("{\"name\": \"base.drive\", \"arguments\": \"{\\\"speed\\\": -0.1}\"}").code())
                .isEqualTo("print(base.drive(speed=-0.1))");
    }

    @Test
    void rendersNestedValuesAsPythonLiterals() {
        assertThat(action("{\"tool\": \"nav.follow\", \"arguments\": {\"path\": [[0, 0], [1.5, 2]], "
                + "\"opts\": {\"loop\": false, \"tag\": null}}}").code())
                .isEqualTo("print(nav.follow(path=[[0, 0], [1.5, 2]], opts={\"loop\": False, \"tag\": None}))");
    }

    @Test
    void readsTheSolutionAndItsAliases() {
        assertThat(parser.parse("{\"solution\": \"The box is on shelf B.\"}"))
                .isEqualTo(new Solution("", "The box is on shelf B.", List.of()));
        assertThat(parser.parse("Done.\n{\"finish\": \"parked\"}"))
                .isEqualTo(new Solution("Done.", "parked", List.of()));
        assertThat(parser.parse("```json\n{\"answer\": 42}\n```"))
                .isEqualTo(new Solution("", "42", List.of()));
    }

    @Test
    void readsAToolCallWithASolutionAsActionAndSolution() {
        ActionAndSolution both = (ActionAndSolution) parser.parse(
                "{\"tool\": \"robot.stop\", \"solution\": \"stopped\"}");
        assertThat(both.action().code()).isEqualTo("print(robot.stop())");
        assertThat(both.solution()).isEqualTo("stopped");
    }

    @Test
    void runsOnlyTheFirstOfSeveralCallsAndSaysSo() {
        Action a = action("""
                {"tool": "base.drive", "arguments": {"speed": 0.5}}
                {"tool": "base.turn", "arguments": {"angle": 1.57}}
                ```json
                {"tool": "base.stop"}
                ```""");
        assertThat(a.code()).isEqualTo("print(base.drive(speed=0.5))");
        assertThat(a.ignoredBlocks()).containsExactly("{\"tool\": \"base.turn\", \"arguments\": {\"angle\": 1.57}}",
                "{\"tool\": \"base.stop\"}");
        assertThat(a.notes()).containsExactly(
                "Only the first tool call was run; 2 later calls were not. Make one tool call per reply and wait for its result.");
    }

    @Test
    void reportsInvalidJsonWithLineAndColumnInTheReply() {
        assertThat(reason("""
                I will drive.
                {"tool": "base.drive",
                 "arguments": {"speed": 0.5,}}"""))
                .isEqualTo("Nothing was run: your tool call is not valid JSON (line 3, column 29): Unexpected character "
                        + "('}' (code 125)): was expecting double-quote to start field name. Reply with one JSON object "
                        + "like {\"tool\": \"base.drive\", \"arguments\": {\"speed\": 0.5}}.");
    }

    @Test
    void reportsAnUnclosedObjectWithWhereItOpened() {
        assertThat(reason("Sure.\n\n  {\"tool\": \"base.drive\", \"arguments\": {\"speed\": 0.5}"))
                .startsWith("Nothing was run: your tool call is not valid JSON (line 3, column 53): Unexpected "
                        + "end-of-input: expected close marker for Object (the object opened at line 3, column 3).");
    }

    @Test
    void reportsSingleQuotesAsInvalidJson() {
        assertThat(reason("{'tool': 'base.stop'}")).contains("(line 1, column 2)", "was expecting double-quote");
    }

    @Test
    void refusesAToolNameThatIsNotADottedPythonName() {
        assertThat(reason("{\"tool\": \"base.drive(); import os\", \"arguments\": {}}"))
                .isEqualTo("Nothing was run: tool must be a dotted Python name like \"base.drive\", got "
                        + "\"base.drive(); import os\". Reply with one JSON object like {\"tool\": \"base.drive\", "
                        + "\"arguments\": {\"speed\": 0.5}}.");
        assertThat(reason("{\"tool\": 7}")).contains("\"tool\" must be a string naming the tool");
    }

    @Test
    void refusesArgumentNamesThatAreNotIdentifiers() {
        assertThat(reason("{\"tool\": \"base.drive\", \"arguments\": {\"max speed\": 1}}"))
                .contains("argument names must be Python identifiers like \"speed\", got \"max speed\" (tool base.drive)");
    }

    @Test
    void refusesArgumentsThatAreNotAnObject() {
        assertThat(reason("{\"tool\": \"base.drive\", \"arguments\": [0.5, 1]}"))
                .contains("\"arguments\" must be an object of named values like {\"speed\": 0.5}, got [0.5,1]");
    }

    @Test
    void reportsAnObjectWithNeitherToolNorSolution() {
        assertThat(reason("{\"action\": \"drive\"}")).startsWith(
                "Nothing was run: your JSON object has no \"tool\" and no \"solution\" member (it has action).");
    }

    @Test
    void reportsAReplyWithoutJson() {
        assertThat(reason("I think the robot should drive forward.")).startsWith(
                "Nothing was run: your reply has no JSON object.");
        assertThat(reason("")).startsWith("Your reply was empty.");
    }

    @Test
    void ignoresBracesInsideAPythonFence() {
        assertThat(reason("```python\nd = {\"tool\": \"x\"}\n```")).startsWith("Nothing was run: your reply has no JSON object.");
    }

    @Test
    void teachesTheFormat() {
        assertThat(parser.formatInstructions()).contains("\"tool\"", "\"arguments\"", "{\"solution\":");
        assertThat(parser.stopSequences()).isEmpty();
    }
}
