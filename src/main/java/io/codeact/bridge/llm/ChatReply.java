package io.codeact.bridge.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * The model's next message.
 *
 * @param text         the whole reply; ends before any stop sequence, which is not included
 * @param finishReason why the reply ended
 * @param stopSequence the stop sequence that ended it, when known (Anthropic and the scripted model
 *                     say; OpenAI-compatible servers do not, unless the client itself cut the text)
 * @param usage        tokens this call used
 * @param model        the model that answered, as the server named it (e.g. a dated version), or the
 *                     scripted model's label
 */
public record ChatReply(String text, FinishReason finishReason, Optional<String> stopSequence, TokenUsage usage, String model) {
    public ChatReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(stopSequence, "stopSequence");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(model, "model");
    }
}
