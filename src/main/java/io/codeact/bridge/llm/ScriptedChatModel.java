package io.codeact.bridge.llm;

import io.codeact.bridge.llm.internal.ReplyStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Replays recorded replies, one per call, in order: for tests and the offline demo. It is not a live
 * model, and says so in {@link #name()}, so it is labelled as scripted in all output.
 *
 * <p>File format ({@code scripted:FILE}): YAML, or JSON when the name ends in {@code .json}; a mapping
 * whose only key {@code replies} lists the reply texts:
 * <pre>{@code
 * # demo.yaml
 * replies:
 *   - |
 *     Let me look at where the robot is.
 *     <execute>
 *     print(robot.pose())
 *     </execute>
 *   - "<solution>The robot is at the dock.</solution>"
 * }</pre>
 *
 * <p>It behaves like a server where it can: the reply ends before the first of the request's stop
 * sequences, is cut at {@code maxTokens} (estimated as {@value TokenUsage#CHARS_PER_TOKEN} characters
 * a token), and reaches the {@link TokenListener} in word-sized pieces. Token usage is an estimate,
 * marked {@link TokenUsage#estimated()}. Thread-safe: concurrent calls get distinct replies in call order.
 *
 * <pre>{@code
 * ChatModel model = ScriptedChatModel.of("fix-typo", List.of("<execute>print(1/0)</execute>", "<solution>done</solution>"));
 * }</pre>
 */
public final class ScriptedChatModel implements ChatModel {
    private static final Pattern WORD_END = Pattern.compile("(?<=\\s)(?=\\S)");

    private final String label;
    private final String source;
    private final List<String> replies;
    private int used;

    private ScriptedChatModel(String label, String source, List<String> replies) {
        this.label = label;
        this.source = source;
        this.replies = List.copyOf(replies);
    }

    /**
     * The replies recorded in this file.
     *
     * @throws ModelException of kind CONFIG when the file is missing or malformed, naming file:line:column
     */
    public static ScriptedChatModel fromFile(Path file) {
        return new ScriptedChatModel("scripted:" + file, file.toString(), ScriptFile.read(file));
    }

    /** These replies, labelled {@code scripted:NAME}; for tests. */
    public static ScriptedChatModel of(String name, List<String> texts) {
        Objects.requireNonNull(name, "name");
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a scripted model needs at least one reply, got none");
        }
        texts.forEach(text -> Objects.requireNonNull(text, "reply"));
        return new ScriptedChatModel("scripted:" + name, "the script", texts);
    }

    /** {@code scripted:FILE (replays recorded replies, not a live model)}. */
    @Override
    public String name() {
        return label + " (replays recorded replies, not a live model)";
    }

    /** How many recorded replies are left. */
    public synchronized int remaining() {
        return replies.size() - used;
    }

    /**
     * The next recorded reply.
     *
     * @throws ModelException of kind {@link ModelException.Kind#SCRIPT_EXHAUSTED} when every reply was used
     */
    @Override
    public ChatReply complete(ChatRequest request, TokenListener onToken) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(onToken, "onToken");
        String recorded = nextReply();
        int maxChars = request.maxTokens().isPresent()
                ? (int) Math.min(Integer.MAX_VALUE, (long) request.maxTokens().getAsInt() * TokenUsage.CHARS_PER_TOKEN)
                : Integer.MAX_VALUE;
        String text = recorded.length() > maxChars ? recorded.substring(0, maxChars) : recorded;
        ReplyStream out = new ReplyStream(request, onToken);
        for (String piece : WORD_END.split(text)) {
            if (!out.accept(piece)) {
                break;
            }
        }
        out.finish();
        FinishReason reason = text.length() < recorded.length() ? FinishReason.MAX_TOKENS : FinishReason.STOP;
        return out.reply(reason, null, null, label);
    }

    private synchronized String nextReply() {
        if (used >= replies.size()) {
            throw new ModelException(ModelException.Kind.SCRIPT_EXHAUSTED, label + " has no reply left for call " + (used + 1)
                    + ": all " + replies.size() + " recorded replies were used. Add replies to " + source
                    + ", or end the episode sooner (fewer turns)");
        }
        return replies.get(used++);
    }

    @Override
    public String toString() {
        return name();
    }
}
