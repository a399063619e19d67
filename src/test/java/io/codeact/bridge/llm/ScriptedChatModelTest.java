package io.codeact.bridge.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codeact.bridge.llm.ModelException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptedChatModelTest {
    private static final ChatRequest REQUEST = ChatRequest.of(ChatMessage.user("Where is the robot?"));

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private String shown(Path file) {
        return file.toString();
    }

    @Test
    void replaysRecordedRepliesInOrder() throws IOException {
        Path file = write("demo.yaml", """
                # two turns of the pose demo
                replies:
                  - |
                    Let me look.
                    <execute>
                    print(robot.pose())
                    </execute>
                  - "<solution>The robot is at the dock.</solution>"
                """);
        ScriptedChatModel model = ScriptedChatModel.fromFile(file);

        assertThat(model.complete(REQUEST).text()).isEqualTo("Let me look.\n<execute>\nprint(robot.pose())\n</execute>\n");
        assertThat(model.remaining()).isEqualTo(1);
        assertThat(model.complete(REQUEST).text()).isEqualTo("<solution>The robot is at the dock.</solution>");
        assertThat(model.remaining()).isZero();
    }

    @Test
    void isLabelledAsScriptedNotALiveModel() throws IOException {
        Path file = write("demo.yaml", "replies:\n  - hi\n");
        ScriptedChatModel model = ScriptedChatModel.fromFile(file);

        assertThat(model.name()).isEqualTo("scripted:" + shown(file) + " (replays recorded replies, not a live model)");
        assertThat(model.complete(REQUEST).model()).isEqualTo("scripted:" + shown(file));
    }

    @Test
    void modelSpecLoadsTheScript() throws IOException {
        Path file = write("demo.yaml", "replies:\n  - hi\n");

        ChatModel model = ChatModels.fromSpec("scripted:" + file);

        assertThat(model.name()).startsWith("scripted:" + shown(file));
        assertThat(model.complete(REQUEST).text()).isEqualTo("hi");
    }

    @Test
    void streamsTheReplyInWordSizedPieces() {
        RecordingListener listener = new RecordingListener();

        ScriptedChatModel.of("words", List.of("Driving to the shelf now.")).complete(REQUEST, listener);

        assertThat(listener.pieces).containsExactly("Driving ", "to ", "the ", "shelf ", "now.");
    }

    @Test
    void endsTheReplyBeforeTheFirstStopSequenceAsAServerWould() {
        RecordingListener listener = new RecordingListener();
        ScriptedChatModel model = ScriptedChatModel.of("stops", List.of(
                "I'll drive.\n<execute>\nrobot.drive(1.0)\n</execute>\nObservation: moved 1 m"));

        ChatReply reply = model.complete(REQUEST.withStop("</execute>"), listener);

        assertThat(reply.text()).isEqualTo("I'll drive.\n<execute>\nrobot.drive(1.0)\n");
        assertThat(listener.text()).isEqualTo(reply.text());
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.stopSequence()).contains("</execute>");
    }

    @Test
    void cutsTheReplyAtMaxTokens() {
        ChatReply reply = ScriptedChatModel.of("long", List.of("0123456789abcdef")).complete(REQUEST.withMaxTokens(2));

        assertThat(reply.text()).isEqualTo("01234567");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
    }

    @Test
    void estimatesTokenUsageAndSaysItIsAnEstimate() {
        ChatReply reply = ScriptedChatModel.of("usage", List.of("12345678")).complete(REQUEST);

        // "Where is the robot?" is 19 characters: 5 tokens, plus 4 for the message's role markers
        assertThat(reply.usage()).isEqualTo(new TokenUsage(9, 2, true));
    }

    @Test
    void runningOutOfRepliesIsAClearError() throws IOException {
        Path file = write("short.yaml", "replies:\n  - only one\n");
        ScriptedChatModel model = ScriptedChatModel.fromFile(file);
        model.complete(REQUEST);

        ModelException e = catchThrowableOfType(ModelException.class, () -> model.complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.SCRIPT_EXHAUSTED);
        assertThat(e).hasMessage("scripted:" + shown(file) + " has no reply left for call 2: all 1 recorded replies were used. "
                + "Add replies to " + shown(file) + ", or end the episode sooner (fewer turns)");
    }

    @Test
    void readsJsonScripts() throws IOException {
        Path file = write("demo.json", "{\"replies\": [\"first\", \"second\"]}");

        ScriptedChatModel model = ScriptedChatModel.fromFile(file);

        assertThat(model.complete(REQUEST).text()).isEqualTo("first");
        assertThat(model.complete(REQUEST).text()).isEqualTo("second");
    }

    @Test
    void replyThatIsNotTextIsRejectedWithFileLineAndColumn() throws IOException {
        Path file = write("bad.yaml", """
                replies:
                  - fine
                  - text: not like this
                """);

        assertThatThrownBy(() -> ScriptedChatModel.fromFile(file))
                .isInstanceOf(ModelException.class)
                .hasMessage(shown(file) + ":3:5: reply 2 must be text, got a mapping; write each reply as a string "
                        + "(in YAML: '- |' and the reply indented on the lines below)");
    }

    @Test
    void numberReplySaysToQuoteIt() throws IOException {
        Path file = write("number.yaml", "replies:\n  - 42\n");

        assertThatThrownBy(() -> ScriptedChatModel.fromFile(file))
                .hasMessageStartingWith(shown(file) + ":2:5: reply 1 must be text, got a number (quote it to make it text)");
    }

    @Test
    void invalidYamlNamesTheLine() throws IOException {
        Path file = write("broken.yaml", "replies:\n  - \"unclosed\n  - next\n");

        ModelException e = catchThrowableOfType(ModelException.class, () -> ScriptedChatModel.fromFile(file));

        assertThat(e.kind()).isEqualTo(Kind.CONFIG);
        assertThat(e.getMessage()).matches(java.util.regex.Pattern.quote(shown(file)) + ":\\d+:\\d+: not valid YAML: (?s).*");
    }

    @Test
    void invalidJsonNamesTheLine() throws IOException {
        Path file = write("broken.json", "{\"replies\": [\n  \"a\",\n  oops\n]}");

        assertThatThrownBy(() -> ScriptedChatModel.fromFile(file))
                .hasMessageStartingWith(shown(file) + ":3:")
                .hasMessageContaining("not valid JSON: Unrecognized token 'oops'");
    }

    @Test
    void unknownTopLevelKeyIsRejected() throws IOException {
        Path file = write("typo.yaml", "replys:\n  - hi\n");

        assertThatThrownBy(() -> ScriptedChatModel.fromFile(file))
                .hasMessage(shown(file) + ":1:1: unknown key 'replys'; a script has only 'replies', a list of reply texts");
    }

    @Test
    void topLevelListIsRejectedWithAnExample() throws IOException {
        Path file = write("list.yaml", "- hi\n- there\n");

        assertThatThrownBy(() -> ScriptedChatModel.fromFile(file))
                .hasMessageStartingWith(shown(file) + ":1:1: expected a mapping with a 'replies' list at the top, got a list; write:");
    }

    @Test
    void emptyReplyListIsRejected() throws IOException {
        Path file = write("empty.yaml", "replies: []\n");

        assertThatThrownBy(() -> ScriptedChatModel.fromFile(file))
                .hasMessage(shown(file) + ":1:1: 'replies' is empty; record at least one reply");
    }

    @Test
    void missingFileSaysWhereItLooked() {
        Path file = dir.resolve("nowhere.yaml");

        ModelException e = catchThrowableOfType(ModelException.class, () -> ChatModels.fromSpec("scripted:" + file));

        assertThat(e.kind()).isEqualTo(Kind.CONFIG);
        assertThat(e).hasMessage("scripted model file " + file + " not found (looked at " + file.toAbsolutePath().normalize()
                + "); write the path as scripted:FILE, relative to the working directory");
    }
}
