package io.codeact.bridge.agent;

/**
 * Adds to an observation what happened in the world while an action ran: the telemetry that changed,
 * safety events, commands sent. {@link #mark()} is called before the action, {@link #since(Object)}
 * after it with the same mark; return null or an empty string when there is nothing to say.
 */
public interface ObservationSource {
    Object mark();

    String since(Object mark);
}
