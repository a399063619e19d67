package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.TransportException;
import java.util.Map;

/** The device echoed the command id with an {@code error}: it received the command and refused it. */
public final class CommandRejectedException extends TransportException {
    private static final long serialVersionUID = 1L;
    private final String deviceError;
    private final transient Map<String, Object> echo;

    public CommandRejectedException(String message, String deviceError) {
        this(message, deviceError, Map.of("error", deviceError));
    }

    /** @param echo every field of the device's refusal (with {@code error}, {@code cmd_id}, and e.g. {@code error_kind}) */
    public CommandRejectedException(String message, String deviceError, Map<String, Object> echo) {
        super(message);
        this.deviceError = deviceError;
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        echo.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        this.echo = java.util.Collections.unmodifiableMap(copy);
    }

    /** The device's own words. */
    public String deviceError() {
        return deviceError;
    }

    /** Every field the device echoed with its refusal (null values left out). */
    public Map<String, Object> echo() {
        return echo;
    }
}
