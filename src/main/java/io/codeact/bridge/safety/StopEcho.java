package io.codeact.bridge.safety;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tells a binding's own halts apart from stops others send on the same stop topic. A binding halts a
 * device by publishing on its stop topic and, listening on that topic, latches when someone else stops
 * it; its own halt (e.g. the routine one when an episode ends) must not come back as a latching stop.
 * Each binding marks what it publishes with a tag of its own.
 */
public final class StopEcho {
    private final String tag = " [codeact halt " + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "]";

    /** The text to publish for a halt with this reason. */
    public String mark(String reason) {
        return reason + tag;
    }

    /** Whether a message on the stop topic is this binding's own halt coming back. */
    public boolean ours(Object text) {
        return text != null && text.toString().endsWith(tag);
    }
}
