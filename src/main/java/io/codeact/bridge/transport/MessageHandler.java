package io.codeact.bridge.transport;

/** Receives messages of a subscription; called on a transport thread, must not block for long. */
@FunctionalInterface
public interface MessageHandler {
    void onMessage(TransportMessage message);
}
