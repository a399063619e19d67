package io.codeact.bridge.agent;

import io.codeact.bridge.llm.ChatMessage;
import io.codeact.bridge.llm.ChatReply;
import io.codeact.bridge.llm.ChatRequest;
import io.codeact.bridge.llm.FinishReason;
import io.codeact.bridge.llm.ModelException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Step 2: asks the model for the next reply, streaming it to the listener, and counts its tokens. */
final class CallModel implements Step {
    private final Episode episode;

    CallModel(Episode episode) {
        this.episode = episode;
    }

    @Override
    public void run(Turn turn) {
        AgentConfig config = episode.config;
        ChatRequest request = ChatRequest.of(episode.conversation.messages())
                .withStop(episode.parser.stopSequences().toArray(String[]::new));
        long start = System.nanoTime();
        ChatReply reply;
        try {
            reply = config.model.complete(request, piece -> config.listener.onToken(turn.number(), piece));
        } catch (ModelException e) {
            turn.end(Outcome.MODEL_ERROR, null, e.getMessage());
            if (config.log != null) {
                config.log.note("model error: " + e.getMessage());
            }
            return;
        }
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        turn.reply = reply;
        episode.tokens += reply.usage().totalTokens();
        // the stop sequence is not part of the reply text; keep the transcript well-formed
        String text = reply.text() + reply.stopSequence().orElseGet(() -> impliedStop(reply));
        episode.conversation.add(ChatMessage.assistant(text));
        episode.loggedMessages++;
        if (config.log != null) {
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("prompt_tokens", reply.usage().promptTokens());
            usage.put("completion_tokens", reply.usage().completionTokens());
            usage.put("estimated", reply.usage().estimated());
            config.log.reply(turn.number(), text, usage, latencyMs);
        }
        config.listener.onReply(turn.number(), text);
    }

    /**
     * OpenAI-compatible servers say a stop sequence ended the reply but not which one; when a closing
     * tag such as {@code </execute>} was the stop, the reply ends inside the open tag, so put it back.
     */
    private String impliedStop(ChatReply reply) {
        if (reply.finishReason() != FinishReason.STOP) {
            return "";
        }
        for (String stop : episode.parser.stopSequences()) {
            if (stop.startsWith("</") && stop.endsWith(">")) {
                String open = "<" + stop.substring(2);
                if (reply.text().lastIndexOf(open) > reply.text().lastIndexOf(stop)) {
                    return reply.text().endsWith("\n") ? stop : "\n" + stop;
                }
            }
        }
        return "";
    }
}
