package io.codeact.bridge.agent;

import io.codeact.bridge.llm.ChatMessage;
import io.codeact.bridge.llm.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of an episode. The system prompt and the goal are pinned; when the estimated size goes
 * over the context budget, old observations are shortened first (oldest first, the last two turns
 * untouched), then the oldest exchanges are dropped — never the goal.
 */
final class Conversation {
    private static final String SHORTENED = "[observation shortened to keep the conversation within the model's context]";

    private final List<ChatMessage> messages = new ArrayList<>();
    private final int pinned;

    Conversation(String system, String goal) {
        messages.add(ChatMessage.system(system));
        messages.add(ChatMessage.user(goal));
        pinned = 2;
    }

    List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    void add(ChatMessage message) {
        messages.add(message);
    }

    int estimatedTokens() {
        int total = 0;
        for (ChatMessage m : messages) {
            total += TokenUsage.estimateTokens(m.text()) + 4;
        }
        return total;
    }

    /** Shrinks the conversation to the budget; returns true when it changed. */
    boolean fit(int budgetTokens) {
        boolean changed = false;
        int protectedFrom = Math.max(pinned, messages.size() - 4);
        for (int i = pinned; i < protectedFrom && estimatedTokens() > budgetTokens; i++) {
            ChatMessage m = messages.get(i);
            if (m.role() == ChatMessage.Role.USER && !m.text().startsWith(SHORTENED) && m.text().length() > 200) {
                String firstLine = m.text().lines().findFirst().orElse("");
                messages.set(i, ChatMessage.user(SHORTENED + "\n" + firstLine));
                changed = true;
            }
        }
        while (estimatedTokens() > budgetTokens && messages.size() > pinned + 2) {
            // drop the oldest assistant/observation pair after the goal
            messages.remove(pinned);
            if (messages.size() > pinned && messages.get(pinned).role() == ChatMessage.Role.USER) {
                messages.remove(pinned);
            }
            changed = true;
        }
        return changed;
    }
}
