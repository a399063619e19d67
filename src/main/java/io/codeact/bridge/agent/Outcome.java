package io.codeact.bridge.agent;

/** How an episode ended. The episode log and JSON summaries use {@link #wireName()}. */
public enum Outcome {
    /** The model gave its answer ({@code <solution>} or {@code finish(...)}). */
    SOLVED("solved"),
    /** The turn limit was reached without an answer. */
    MAX_TURNS("max_turns"),
    /** The token budget was spent. */
    TOKEN_BUDGET("token_budget"),
    /** The wall-clock budget was spent. */
    TIME_BUDGET("time_budget"),
    /** The model endpoint failed (after its retries); see the episode's error text. */
    MODEL_ERROR("model_error"),
    /** The code-action session ended (os._exit, memory) and the episode cannot go on. */
    SESSION_ENDED("session_ended"),
    /** A person or another program cancelled the episode. */
    INTERRUPTED("interrupted");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
