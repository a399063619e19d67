package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.TransportMessage;

/**
 * Where accepted telemetry goes: {@link LatestValues} here, the telemetry store later. Called on the
 * transport's callback thread, one message at a time; must not block.
 */
@FunctionalInterface
public interface TelemetrySink {
    void accept(TransportMessage message);
}
