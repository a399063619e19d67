package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.codeact.bridge.agent.ParsedReply.Action;
import io.codeact.bridge.agent.ParsedReply.ActionAndSolution;
import io.codeact.bridge.agent.ParsedReply.NoAction;
import io.codeact.bridge.agent.ParsedReply.Solution;
import org.junit.jupiter.api.Test;

class CodeActionParserTest {
    private final CodeActionParser parser = new CodeActionParser();

    private Action action(String reply) {
        return assertThat(parser.parse(reply)).asInstanceOf(type(Action.class)).actual();
    }

    private NoAction noAction(String reply) {
        return assertThat(parser.parse(reply)).asInstanceOf(type(NoAction.class)).actual();
    }

    @Test
    void readsThoughtAndCodeOfAPlainExecuteBlock() {
        Action a = action("""
                I should look at the robot's pose first.
                <execute>
                pose = robot.pose()
                print(pose)
                </execute>
                """);
        assertThat(a.thought()).isEqualTo("I should look at the robot's pose first.");
        assertThat(a.code()).isEqualTo("pose = robot.pose()\nprint(pose)");
        assertThat(a.toolCall()).isEmpty();
        assertThat(a.blocksFound()).isEqualTo(1);
        assertThat(a.ignoredBlocks()).isEmpty();
        assertThat(a.notes()).isEmpty();
    }

    @Test
    void takesCodeUpToEndWhenStopSequenceCutTheClosingTag() {
        Action a = action("Drive forward a little.\n<execute>\nrobot.drive(0.2, duration=1.0)\nprint(robot.pose())\n");
        assertThat(a.code()).isEqualTo("robot.drive(0.2, duration=1.0)\nprint(robot.pose())");
        assertThat(a.notes()).isEmpty();
    }

    @Test
    void runsOnlyTheFirstOfSeveralExecuteBlocksAndSaysSo() {
        Action a = action("""
                First the pose.
                <execute>print(robot.pose())</execute>
                Observation: (0, 0, 0)
                Now drive.
                <execute>robot.drive(0.5)</execute>
                <execute>print(robot.pose())</execute>
                """);
        assertThat(a.code()).isEqualTo("print(robot.pose())");
        assertThat(a.blocksFound()).isEqualTo(3);
        assertThat(a.ignoredBlocks()).containsExactly("robot.drive(0.5)", "print(robot.pose())");
        assertThat(a.notes()).containsExactly("Only one code block was run (the first <execute> block); 2 other code "
                + "blocks in your reply were not run. Write one <execute> block per reply and wait for its output.");
    }

    @Test
    void ignoresClosingTagInsidePythonString() {
        Action a = action("""
                <execute>
                print("wrap code in <execute> ... </execute>")
                s = '</execute>'
                doc = \"\"\"
                a </EXECUTE> in a docstring
                \"\"\"
                print(len(s))
                </execute>
                After.""");
        assertThat(a.code()).isEqualTo("""
                print("wrap code in <execute> ... </execute>")
                s = '</execute>'
                doc = \"\"\"
                a </EXECUTE> in a docstring
                \"\"\"
                print(len(s))""");
    }

    @Test
    void ignoresExecuteTagInsidePythonStringOfAFencedBlock() {
        Action a = action("""
                ```python
                print("<execute>not a tag</execute>")
                ```""");
        assertThat(a.code()).isEqualTo("print(\"<execute>not a tag</execute>\")");
        assertThat(a.blocksFound()).isEqualTo(1);
    }

    @Test
    void apostropheInACommentDoesNotOpenAString() {
        Action a = action("<execute>\n# don't drive yet\nprint(robot.battery())\n</execute>\nThen I'll see.");
        assertThat(a.code()).isEqualTo("# don't drive yet\nprint(robot.battery())");
    }

    @Test
    void closingTagAfterACommentOnTheSameLineCloses() {
        assertThat(action("<execute>robot.stop()  # halt</execute> then we wait").code())
                .isEqualTo("robot.stop()  # halt");
    }

    @Test
    void unterminatedTripleQuotedStringDoesNotSwallowTheRestOfTheReply() {
        Action a = action("<execute>\nprint(\"\"\"oops)\n</execute>\nThat should print.\n<execute>print(2)</execute>");
        assertThat(a.code()).isEqualTo("print(\"\"\"oops)");
        assertThat(a.ignoredBlocks()).containsExactly("print(2)");
    }

    @Test
    void treatsExecuteTagInsideAnExampleFenceAsText() {
        NoAction none = noAction("""
                To act I will write:
                ```
                <execute>
                robot.drive(1.0)
                </execute>
                ```
                """);
        assertThat(none.reason()).isEqualTo("Nothing was run: your only <execute> block is inside a ``` fence, which "
                + "is read as an example. Write <execute> and </execute> directly, outside any fence.");
    }

    @Test
    void ignoresExecuteTagInInlineCode() {
        Action a = action("I use the `<execute>` tag as told.\n<execute>print(1)</execute>");
        assertThat(a.code()).isEqualTo("print(1)");
        assertThat(a.thought()).isEqualTo("I use the `<execute>` tag as told.");
    }

    @Test
    void acceptsAFencedPythonBlockWhenThereAreNoTags() {
        Action a = action("""
                Let me check the gripper.
                ```python
                state = gripper.state()
                print(state)
                ```
                """);
        assertThat(a.thought()).isEqualTo("Let me check the gripper.");
        assertThat(a.code()).isEqualTo("state = gripper.state()\nprint(state)");
    }

    @Test
    void acceptsPyAndPython3FencesAndTildes() {
        assertThat(action("```py\nprint(1)\n```").code()).isEqualTo("print(1)");
        assertThat(action("```Python3\nprint(2)\n```").code()).isEqualTo("print(2)");
        assertThat(action("~~~python\nprint(3)\n~~~").code()).isEqualTo("print(3)");
        assertThat(action("```python title=\"step 1\"\nprint(4)\n```").code()).isEqualTo("print(4)");
    }

    @Test
    void acceptsABareFenceThatReadsAsPython() {
        assertThat(action("```\nfor i in range(3):\n    arm.wave()\n```").code())
                .isEqualTo("for i in range(3):\n    arm.wave()");
    }

    @Test
    void doesNotRunABareFenceThatReadsAsOutput() {
        NoAction none = noAction("""
                The last run printed:
                ```
                Traceback (most recent call last):
                  File "<stdin>", line 1
                NameError: name 'robt' is not defined
                ```
                I misspelled the name.""");
        assertThat(none.reason()).startsWith("Nothing was run: your reply has no <execute> block and no <solution>.");
    }

    @Test
    void doesNotRunAFenceInAnotherLanguage() {
        NoAction none = noAction("```bash\nrosrun teleop teleop.py\n```");
        assertThat(none.reason()).isEqualTo("Nothing was run: your reply has a ```bash block, but only Python runs "
                + "here. Write Python code between <execute> and </execute>.");
    }

    @Test
    void prefersExecuteTagsOverFencesAndReportsTheFenceAsIgnored() {
        Action a = action("""
                Here is the plan:
                ```python
                robot.drive(1.0)
                ```
                <execute>print(robot.pose())</execute>""");
        assertThat(a.code()).isEqualTo("print(robot.pose())");
        assertThat(a.ignoredBlocks()).containsExactly("robot.drive(1.0)");
        assertThat(a.thought()).startsWith("Here is the plan:\n```python");
    }

    @Test
    void unwrapsAFenceInsideExecuteTags() {
        assertThat(action("<execute>\n```python\nprint(robot.pose())\n```\n</execute>").code())
                .isEqualTo("print(robot.pose())");
        assertThat(action("<execute>\n```python\nprint(robot.pose())\n").code())
                .as("fence left open because the stop sequence cut the reply")
                .isEqualTo("print(robot.pose())");
    }

    @Test
    void reportsCodeInProseWithoutTags() {
        NoAction none = noAction("""
                I will now drive to the shelf:

                robot.drive_to(shelf.position)
                print(robot.pose())
                """);
        assertThat(none.thought()).startsWith("I will now drive to the shelf:");
        assertThat(none.reason()).isEqualTo("Nothing was run: your reply has what looks like Python code but no "
                + "<execute> block. Put the code you want to run between <execute> and </execute>.");
    }

    @Test
    void reportsAReplyWithNeitherActionNorSolution() {
        assertThat(noAction("I am not sure what to do next. Could you clarify the goal?").reason())
                .isEqualTo("Nothing was run: your reply has no <execute> block and no <solution>. Write Python code "
                        + "between <execute> and </execute> to act, or give the final answer between <solution> and "
                        + "</solution>.");
    }

    @Test
    void doesNotMistakeImperativeProseForCode() {
        assertThat(noAction("Plan:\nraise the arm,\nprint the label,\nreturn to base.").reason())
                .startsWith("Nothing was run: your reply has no <execute> block and no <solution>.");
    }

    @Test
    void reportsAnEmptyReply() {
        assertThat(noAction("  \r\n ").reason()).startsWith("Your reply was empty.");
        assertThat(noAction(null).thought()).isEmpty();
    }

    @Test
    void reportsAnEmptyExecuteBlock() {
        assertThat(noAction("<execute>\n\n</execute>").reason()).isEqualTo(
                "Nothing was run: your <execute> block is empty. Put the Python code between <execute> and </execute>.");
    }

    @Test
    void skipsAnEmptyBlockWhenALaterOneHasCode() {
        assertThat(action("<execute></execute><execute>print(1)</execute>").code()).isEqualTo("print(1)");
    }

    @Test
    void readsASolution() {
        ParsedReply reply = parser.parse("The box is on the shelf.\n<solution>\nThe red box is on shelf B, level 2.\n</solution>");
        assertThat(reply).isEqualTo(new Solution("The box is on the shelf.", "The red box is on shelf B, level 2.",
                java.util.List.of()));
    }

    @Test
    void readsASolutionCutBeforeItsClosingTag() {
        assertThat(parser.parse("<solution>Done: 3 boxes moved.")).isInstanceOf(Solution.class)
                .extracting(r -> ((Solution) r).text()).isEqualTo("Done: 3 boxes moved.");
    }

    @Test
    void usesOnlyTheFirstSolution() {
        Solution s = (Solution) parser.parse("<solution>A</solution> or maybe <solution>B</solution>");
        assertThat(s.text()).isEqualTo("A");
        assertThat(s.notes()).containsExactly("Only the first <solution> was used; your reply had 2.");
    }

    @Test
    void readsActionAndSolutionInOneReplyWithTheActionFirst() {
        ParsedReply reply = parser.parse("""
                I'll stop the robot and report.
                <execute>robot.stop()</execute>
                <solution>The robot is stopped at the dock.</solution>""");
        assertThat(reply).isInstanceOf(ActionAndSolution.class);
        ActionAndSolution both = (ActionAndSolution) reply;
        assertThat(both.action().code()).isEqualTo("robot.stop()");
        assertThat(both.solution()).isEqualTo("The robot is stopped at the dock.");
        assertThat(both.thought()).isEqualTo("I'll stop the robot and report.");
    }

    @Test
    void solutionBeforeActionIsStillActionAndSolution() {
        ActionAndSolution both = (ActionAndSolution) parser.parse(
                "<solution>Parked.</solution>\n<execute>robot.park()</execute>");
        assertThat(both.action().code()).isEqualTo("robot.park()");
        assertThat(both.solution()).isEqualTo("Parked.");
        assertThat(both.thought()).isEmpty();
    }

    @Test
    void removesIndentationCommonToAllLines() {
        Action a = action("""
                Indented by the model:
                <execute>
                    for box in boxes:
                        arm.pick(box)
                    print("done")
                </execute>""");
        assertThat(a.code()).isEqualTo("for box in boxes:\n    arm.pick(box)\nprint(\"done\")");
    }

    @Test
    void keepsRelativeIndentationAndInnerBlankLines() {
        assertThat(action("<execute>\n\n  def f():\n\n      return 1\n  print(f())\n\n</execute>").code())
                .isEqualTo("def f():\n\n    return 1\nprint(f())");
    }

    @Test
    void readsWindowsLineEndings() {
        Action a = action("Thinking.\r\n<execute>\r\nx = 1\r\nprint(x)\r\n</execute>\r\n");
        assertThat(a.code()).isEqualTo("x = 1\nprint(x)");
        assertThat(a.thought()).isEqualTo("Thinking.");
    }

    @Test
    void acceptsTagsInAnyCaseAndWithAttributes() {
        assertThat(action("<EXECUTE>print(1)</EXECUTE>").code()).isEqualTo("print(1)");
        assertThat(action("<Execute lang=\"python\" id='1'>print(2)</execute >").code()).isEqualTo("print(2)");
        assertThat(action("<execute_ipython>\nprint(3)\n</execute_ipython>").code()).isEqualTo("print(3)");
    }

    @Test
    void doesNotMistakeSimilarTagsForExecute() {
        assertThat(parser.parse("<executed>print(1)</executed> is what I did")).isInstanceOf(NoAction.class);
    }

    @Test
    void keepsAByteOrderMarkOutOfTheThought() {
        assertThat(action("\uFEFFOk.\n<execute>print(1)</execute>").thought()).isEqualTo("Ok.");
    }

    @Test
    void restoresTheClosingTagACutReplyWouldHaveHad() {
        assertThat(CodeActionParser.restoreStopSequence("Go.\n<execute>\nrobot.go()\n"))
                .isEqualTo("Go.\n<execute>\nrobot.go()\n</execute>");
        assertThat(CodeActionParser.restoreStopSequence("<execute>x</execute>")).isEqualTo("<execute>x</execute>");
        assertThat(CodeActionParser.restoreStopSequence("<solution>ok</solution>")).isEqualTo("<solution>ok</solution>");
    }

    @Test
    void teachesTheFormatAndStopsAfterTheAction() {
        assertThat(parser.formatInstructions()).contains("<execute>", "</execute>", "<solution>", "one <execute> block");
        assertThat(parser.stopSequences()).containsExactly("</execute>");
    }
}
