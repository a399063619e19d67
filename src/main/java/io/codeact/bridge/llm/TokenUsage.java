package io.codeact.bridge.llm;

/**
 * Tokens one call used, as the server counted them, or an estimate where it did not say (the
 * scripted model, servers that omit usage in streams).
 *
 * @param promptTokens     tokens of the conversation sent (for Anthropic including cached input)
 * @param completionTokens tokens of the reply
 * @param estimated        true when these numbers are {@link #estimate estimated} from text length,
 *                         not counted by a tokenizer
 */
public record TokenUsage(int promptTokens, int completionTokens, boolean estimated) {
    /** The estimator's rule of thumb: about four characters of English or code per token. */
    public static final int CHARS_PER_TOKEN = 4;

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException(
                    "token counts must be >= 0, got prompt " + promptTokens + ", completion " + completionTokens);
        }
    }

    /** Counts reported by a server. */
    public static TokenUsage reported(int promptTokens, int completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, false);
    }

    /**
     * An estimate: characters / {@value #CHARS_PER_TOKEN}, rounded up, plus 4 tokens per message for
     * the role markers. Good for budgets, not for billing.
     */
    public static TokenUsage estimate(ChatRequest request, String completion) {
        int prompt = 0;
        for (ChatMessage m : request.messages()) {
            prompt += 4 + estimateTokens(m.text());
        }
        return new TokenUsage(prompt, estimateTokens(completion), true);
    }

    /** About how many tokens this text is: characters / {@value #CHARS_PER_TOKEN}, rounded up. */
    public static int estimateTokens(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    /** The sum of two usages; estimated if either was. */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                estimated || other.estimated);
    }
}
