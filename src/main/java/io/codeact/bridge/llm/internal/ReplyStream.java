package io.codeact.bridge.llm.internal;

import io.codeact.bridge.llm.ChatReply;
import io.codeact.bridge.llm.ChatRequest;
import io.codeact.bridge.llm.FinishReason;
import io.codeact.bridge.llm.TokenListener;
import io.codeact.bridge.llm.TokenUsage;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of one reply as it arrives: passes it through a {@link StopSequenceFilter} to the
 * {@link TokenListener}, keeps what was delivered, and builds the {@link ChatReply} at the end.
 * One per attempt; not thread-safe.
 */
public final class ReplyStream {
    private final ChatRequest request;
    private final TokenListener listener;
    private final StopSequenceFilter filter;
    private final StringBuilder text = new StringBuilder();

    public ReplyStream(ChatRequest request, TokenListener listener) {
        this.request = Objects.requireNonNull(request, "request");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.filter = new StopSequenceFilter(request.stop());
    }

    /** Takes the next piece of text; false once a stop sequence was seen and the rest should be ignored. */
    public boolean accept(String piece) {
        deliver(filter.feed(piece));
        return filter.matched().isEmpty();
    }

    /** The reply is complete: delivers any held-back text. */
    public void finish() {
        deliver(filter.flush());
    }

    /** Whether any text reached the listener (after which a failed call cannot be retried). */
    public boolean started() {
        return !text.isEmpty();
    }

    /** The text delivered so far. */
    public String text() {
        return text.toString();
    }

    /**
     * The finished reply.
     *
     * @param reason             the finish reason the server gave (ignored when this stream cut the text itself)
     * @param serverStopSequence the stop sequence the server says it stopped at, or null
     * @param usage              the server's counts, or null to estimate them
     * @param model              the model the server says answered
     */
    public ChatReply reply(FinishReason reason, String serverStopSequence, TokenUsage usage, String model) {
        Optional<String> stop = filter.matched().or(() -> Optional.ofNullable(serverStopSequence));
        FinishReason finish = filter.matched().isPresent() ? FinishReason.STOP : reason;
        String all = text.toString();
        return new ChatReply(all, finish, stop, usage != null ? usage : TokenUsage.estimate(request, all), model);
    }

    private void deliver(String piece) {
        if (!piece.isEmpty()) {
            text.append(piece);
            listener.onToken(piece);
        }
    }
}
