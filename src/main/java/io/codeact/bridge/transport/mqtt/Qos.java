package io.codeact.bridge.transport.mqtt;

/**
 * MQTT delivery guarantee of one publish or subscription. The guarantee of a delivery is the lower of
 * the publisher's and the subscriber's.
 */
public enum Qos {
    /** QoS 0: fire and forget; for high-rate telemetry where the next sample replaces a lost one. */
    AT_MOST_ONCE,
    /** QoS 1: resent until acknowledged, may arrive twice; commands (deduplicated by command id) and state. */
    AT_LEAST_ONCE,
    /** QoS 2: exactly once between two hops, at the cost of a four-packet handshake. */
    EXACTLY_ONCE;

    /** The number on the wire: 0, 1 or 2. */
    public int level() {
        return ordinal();
    }

    /** @throws IllegalArgumentException unless {@code level} is 0, 1 or 2 */
    public static Qos of(int level) {
        if (level < 0 || level > 2) {
            throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, got " + level);
        }
        return values()[level];
    }
}
