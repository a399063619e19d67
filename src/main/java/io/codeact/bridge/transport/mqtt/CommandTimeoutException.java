package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.TransportException;

/** No state echo with the command's id arrived in time: the command is not confirmed (it may or may not have run). */
public final class CommandTimeoutException extends TransportException {
    private static final long serialVersionUID = 1L;

    public CommandTimeoutException(String message) {
        super(message);
    }
}
