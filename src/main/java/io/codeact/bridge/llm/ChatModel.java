package io.codeact.bridge.llm;

/**
 * A chat model: given a conversation, it writes the next assistant message.
 *
 * <p>Implementations speak to an OpenAI-compatible server, to Anthropic's Messages API, or replay
 * recorded replies; get one from a model spec with {@link ChatModels#fromSpec(String)}.
 *
 * <pre>{@code
 * ChatModel model = ChatModels.fromSpec("ollama:qwen2.5-coder:7b");
 * ChatReply reply = model.complete(ChatRequest.of(ChatMessage.user("Say hi")).withStop("</execute>"), System.out::print);
 * }</pre>
 *
 * <p>Threading: the HTTP models are safe to call from several threads at once; the scripted model
 * hands out its replies in call order. A call blocks until the reply is complete.
 *
 * <p>Errors: every failure is a {@link ModelException} whose {@link ModelException#kind() kind} says
 * what went wrong (bad key, unknown model, context too long, rate limit after retries, ...) and whose
 * message names the endpoint, the model, the HTTP status and the server's own words. Transient
 * failures (429, 5xx, timeouts, connection errors) are retried before any text reached the listener;
 * see {@link RetryPolicy}.
 */
public interface ChatModel {
    /**
     * What this model is, for logs and episode records, e.g. {@code openai:gpt-4o at
     * https://api.openai.com/v1} or {@code scripted:demo.yaml (replays recorded replies, not a live model)}.
     */
    String name();

    /**
     * Writes the next assistant message, streaming its text to {@code onToken} as it arrives.
     *
     * @throws ModelException when the model cannot answer; see {@link ModelException.Kind}
     */
    ChatReply complete(ChatRequest request, TokenListener onToken);

    /** {@link #complete(ChatRequest, TokenListener)} without watching the text arrive. */
    default ChatReply complete(ChatRequest request) {
        return complete(request, TokenListener.NONE);
    }
}
