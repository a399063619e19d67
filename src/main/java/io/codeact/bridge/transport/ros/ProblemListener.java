package io.codeact.bridge.transport.ros;

/**
 * Hears about problems a node meets in the background, where no caller can be thrown at: a peer with the
 * wrong MD5 sum ({@link TypeMismatchException}), a malformed header or a cut-off frame
 * ({@link RosProtocolException}), a message that does not decode ({@link MalformedMessageException}), a
 * publisher that cannot be reached, a listener that threw. The connection concerned is dropped (and retried
 * where that can help); the node keeps running. Called on the node's threads; must not block.
 * The default logs each problem as a warning.
 */
@FunctionalInterface
public interface ProblemListener {
    void onProblem(RuntimeException problem);
}
