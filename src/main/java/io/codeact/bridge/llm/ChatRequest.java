package io.codeact.bridge.llm;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What to ask a model: the conversation so far and how to sample the next message.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.of(messages).withStop("</execute>").withMaxTokens(1024).withTemperature(0);
 * }</pre>
 *
 * @param messages    the conversation, oldest first; never empty
 * @param stop        stop sequences: the reply ends before the first one that appears, which is not
 *                    part of the reply text (as OpenAI and Anthropic do it)
 * @param maxTokens   the most tokens the reply may have; empty for the server's default
 *                    (Anthropic requires one, so its client sends 4096 when this is empty)
 * @param temperature sampling temperature, 0 to 2 (Anthropic accepts 0 to 1); empty for the server's default
 */
public record ChatRequest(List<ChatMessage> messages, List<String> stop, OptionalInt maxTokens, OptionalDouble temperature) {

    public ChatRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        stop = List.copyOf(Objects.requireNonNull(stop, "stop"));
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(temperature, "temperature");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message, got none");
        }
        for (String s : stop) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("stop sequences must not be empty, got " + stop);
            }
        }
        if (maxTokens.isPresent() && maxTokens.getAsInt() <= 0) {
            throw new IllegalArgumentException("maxTokens must be > 0, got " + maxTokens.getAsInt());
        }
        if (temperature.isPresent() && !(temperature.getAsDouble() >= 0 && temperature.getAsDouble() <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature.getAsDouble());
        }
    }

    /** A request for these messages, with no stop sequences and the server's default sampling. */
    public static ChatRequest of(List<ChatMessage> messages) {
        return new ChatRequest(messages, List.of(), OptionalInt.empty(), OptionalDouble.empty());
    }

    public static ChatRequest of(ChatMessage... messages) {
        return of(List.of(messages));
    }

    /** This request with these stop sequences instead of its own. */
    public ChatRequest withStop(String... sequences) {
        return new ChatRequest(messages, List.of(sequences), maxTokens, temperature);
    }

    public ChatRequest withMaxTokens(int tokens) {
        return new ChatRequest(messages, stop, OptionalInt.of(tokens), temperature);
    }

    public ChatRequest withTemperature(double value) {
        return new ChatRequest(messages, stop, maxTokens, OptionalDouble.of(value));
    }
}
