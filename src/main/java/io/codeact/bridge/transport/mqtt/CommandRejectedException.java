package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.TransportException;

/** The device echoed the command id with an {@code error}: it received the command and refused it. */
public final class CommandRejectedException extends TransportException {
    private static final long serialVersionUID = 1L;
    private final String deviceError;

    public CommandRejectedException(String message, String deviceError) {
        super(message);
        this.deviceError = deviceError;
    }

    /** The device's own words. */
    public String deviceError() {
        return deviceError;
    }
}
