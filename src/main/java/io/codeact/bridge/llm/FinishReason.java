package io.codeact.bridge.llm;

/** Why a reply ended. */
public enum FinishReason {
    /**
     * The model ended its turn or reached a stop sequence. OpenAI-compatible servers do not say which;
     * {@link ChatReply#stopSequence()} names the sequence when it is known.
     */
    STOP,
    /** The reply reached {@link ChatRequest#maxTokens()} (or the model's context window) and was cut. */
    MAX_TOKENS,
    /** The server's content filter stopped the reply, or the model refused. */
    CONTENT_FILTER,
    /** Anything else the server reported (tool calls, pauses, an unknown reason). */
    OTHER
}
