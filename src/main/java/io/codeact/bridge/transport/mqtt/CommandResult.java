package io.codeact.bridge.transport.mqtt;

import java.time.Duration;
import java.util.Map;

/**
 * A command the device confirmed: its state topic echoed the command id.
 *
 * @param commandId the {@code cmd_id} sent and echoed
 * @param topics where it was sent and confirmed
 * @param state the echoed state fields (with {@code cmd_id} and {@code ts}), in the device's order; values may be null
 * @param sends how many times it was published (more than 1 when resent while waiting)
 * @param latency from the first send to the echo
 */
public record CommandResult(String commandId, DeviceTopics topics, Map<String, Object> state, int sends, Duration latency) {
    public CommandResult {
        state = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(state));
    }
}
