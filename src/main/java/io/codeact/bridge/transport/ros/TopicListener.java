package io.codeact.bridge.transport.ros;

import java.util.Map;

/**
 * Receives the messages of a subscription, decoded as {@link MessageType} describes. Called on the
 * connection's thread, one message at a time per subscription (never concurrently), in arrival order per
 * publisher; a slow listener slows its publishers' connections down (TCP back-pressure), so hand long work
 * to another thread. An exception thrown here is reported to the node's {@link ProblemListener} and the
 * next message is delivered as usual.
 */
@FunctionalInterface
public interface TopicListener {
    void onMessage(Map<String, Object> message);
}
