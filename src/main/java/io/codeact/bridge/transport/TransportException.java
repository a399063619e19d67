package io.codeact.bridge.transport;

/** A message could not be sent, received or decoded; the message says what, where and what to do. */
public class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
