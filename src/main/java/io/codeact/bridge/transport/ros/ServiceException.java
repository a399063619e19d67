package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.TransportException;

/**
 * A service call failed: no node offers the service, the server could not be reached or did not answer in
 * time, or the server's handler failed and sent back an error (its text is {@link #serverError()}). The
 * message names the service and the server.
 */
public final class ServiceException extends TransportException {
    private static final long serialVersionUID = 1L;

    private final String serverError;

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
        this.serverError = null;
    }

    /** A failure reported by the server itself (the response's ok byte was 0). */
    public ServiceException(String message, String serverError) {
        super(message);
        this.serverError = serverError;
    }

    /** The error text the server sent, or null if the call failed before the server answered. */
    public String serverError() {
        return serverError;
    }
}
