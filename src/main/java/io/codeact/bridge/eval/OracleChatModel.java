package io.codeact.bridge.eval;

import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.llm.ChatReply;
import io.codeact.bridge.llm.ChatRequest;
import io.codeact.bridge.llm.FinishReason;
import io.codeact.bridge.llm.TokenListener;
import io.codeact.bridge.llm.TokenUsage;
import java.util.Optional;

/**
 * The {@code oracle} model: replays a task's reference solution as one code action, then (if the
 * reference did not end the episode with {@code finish}) an empty solution. It checks the checks: the
 * oracle must score 100 %. Not a live model, and says so in its name. Only the code mode is meaningful.
 */
public final class OracleChatModel implements ChatModel {
    private final Task task;
    private int calls;

    public OracleChatModel(Task task) {
        this.task = task;
    }

    @Override
    public String name() {
        return "oracle (replays the reference solution of " + task.id() + ", not a live model)";
    }

    @Override
    public ChatReply complete(ChatRequest request, TokenListener listener) {
        String text = calls++ == 0
                ? "Running the task's reference solution.\n<execute>\n" + task.reference().strip() + "\n</execute>"
                : "<solution>The reference solution ended without calling finish().</solution>";
        listener.onToken(text);
        return new ChatReply(text, FinishReason.STOP, Optional.empty(), TokenUsage.estimate(request, text), "oracle");
    }
}
