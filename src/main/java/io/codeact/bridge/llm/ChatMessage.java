package io.codeact.bridge.llm;

import java.util.Locale;
import java.util.Objects;

/**
 * One message of a conversation: who said it and what.
 *
 * <pre>{@code
 * List<ChatMessage> conversation = List.of(ChatMessage.system(prompt), ChatMessage.user(goal));
 * }</pre>
 */
public record ChatMessage(Role role, String text) {
    /** Who speaks. */
    public enum Role {
        /** Instructions to the model; Anthropic receives these as its top-level {@code system} field. */
        SYSTEM,
        /** The user, or the controller speaking for the world (observations). */
        USER,
        /** The model's own earlier replies. */
        ASSISTANT;

        /** The role as both wire formats spell it: {@code system}, {@code user}, {@code assistant}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, text);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, text);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, text);
    }
}
