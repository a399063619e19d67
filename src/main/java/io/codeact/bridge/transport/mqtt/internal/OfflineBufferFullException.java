package io.codeact.bridge.transport.mqtt.internal;

import io.codeact.bridge.transport.TransportException;

/** The link is down and its offline buffer holds as many messages as it may; the new one was not taken. */
public final class OfflineBufferFullException extends TransportException {
    private static final long serialVersionUID = 1L;

    public OfflineBufferFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
