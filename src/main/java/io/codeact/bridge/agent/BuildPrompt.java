package io.codeact.bridge.agent;

import io.codeact.bridge.llm.ChatMessage;
import java.util.List;

/** Step 1: keeps the conversation within the context budget and records what the model will see. */
final class BuildPrompt implements Step {
    private final Episode episode;

    BuildPrompt(Episode episode) {
        this.episode = episode;
    }

    @Override
    public void run(Turn turn) {
        Conversation c = episode.conversation;
        boolean shortened = c.fit(episode.config.contextTokens);
        List<ChatMessage> messages = c.messages();
        EpisodeLog log = episode.config.log;
        if (log != null) {
            if (shortened) {
                log.promptReplacing(turn.number(), toLog(messages));
            } else if (messages.size() > episode.loggedMessages) {
                log.prompt(turn.number(), toLog(messages.subList(episode.loggedMessages, messages.size())));
            }
        }
        episode.loggedMessages = messages.size();
    }

    static List<EpisodeLog.Message> toLog(List<ChatMessage> messages) {
        return messages.stream().map(m -> new EpisodeLog.Message(m.role().wireName(), m.text())).toList();
    }
}
