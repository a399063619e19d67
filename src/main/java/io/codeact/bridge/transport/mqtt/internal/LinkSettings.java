package io.codeact.bridge.transport.mqtt.internal;

import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Everything a Paho client needs to connect, resolved from the public configuration.
 *
 * @param serverUri Paho's form: {@code tcp://host:port} or {@code ssl://host:port}
 * @param sessionExpiry how long the broker keeps a persistent session (MQTT 5); zero with a clean session
 * @param will the availability topic's last will, or null for none
 */
public record LinkSettings(
        String serverUri,
        String clientId,
        boolean cleanSession,
        Duration sessionExpiry,
        String username,
        char[] password,
        SocketFactory socketFactory,
        Duration keepAlive,
        Duration connectTimeout,
        Duration maxReconnectDelay,
        int offlineBufferSize,
        int maxInflight,
        Will will) {

    /** The last will: published by the broker when this client vanishes without a DISCONNECT. */
    public record Will(String topic, byte[] payload, int qos, boolean retain) {}
}
