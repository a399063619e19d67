package io.codeact.bridge.llm.internal;

import java.util.List;
import java.util.Optional;

/**
 * Cuts streamed text before the first stop sequence, as a server does, while letting text through as
 * early as possible: it holds back only a tail that could still grow into a stop sequence. Used for
 * the scripted model, and as a safety net for servers that ignore {@code stop}.
 *
 * <p>Not thread-safe: one per reply.
 */
public final class StopSequenceFilter {
    private final List<String> stops;
    private final StringBuilder pending = new StringBuilder();
    private String matched;

    public StopSequenceFilter(List<String> stops) {
        this.stops = List.copyOf(stops);
    }

    /** The text that is now certain to come before any stop sequence; empty once one was seen. */
    public String feed(String piece) {
        if (matched != null) {
            return "";
        }
        pending.append(piece);
        int cut = -1;
        for (String stop : stops) {
            int at = pending.indexOf(stop);
            if (at >= 0 && (cut < 0 || at < cut || at == cut && stop.length() < matched.length())) {
                cut = at;
                matched = stop;
            }
        }
        if (matched != null) {
            String before = pending.substring(0, cut);
            pending.setLength(0);
            return before;
        }
        int safe = pending.length() - heldBack();
        String out = pending.substring(0, safe);
        pending.delete(0, safe);
        return out;
    }

    /** The held-back tail, at the end of the reply; empty once a stop sequence was seen. */
    public String flush() {
        String out = pending.toString();
        pending.setLength(0);
        return out;
    }

    /** The stop sequence that ended the text, once one was seen. */
    public Optional<String> matched() {
        return Optional.ofNullable(matched);
    }

    /** The length of the longest tail of the pending text that is a proper prefix of a stop sequence. */
    private int heldBack() {
        int longest = 0;
        for (String stop : stops) {
            for (int k = Math.min(stop.length() - 1, pending.length()); k > longest; k--) {
                if (pending.substring(pending.length() - k).equals(stop.substring(0, k))) {
                    longest = k;
                    break;
                }
            }
        }
        return longest;
    }
}
