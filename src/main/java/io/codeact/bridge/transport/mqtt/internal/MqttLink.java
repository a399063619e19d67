package io.codeact.bridge.transport.mqtt.internal;

import io.codeact.bridge.transport.TransportException;

/**
 * One connection to a broker through one Paho client (MQTT 5 or 3.1.1). Owns reconnecting and the
 * offline buffer; knows nothing about payload types or subscriptions' handlers.
 *
 * <p>Never wait on a Paho token from a Paho callback thread: Paho completes tokens on that thread, so
 * the wait would never end. {@link #subscribe} therefore only waits when called from another thread.
 */
public interface MqttLink extends AutoCloseable {
    /** Connects and waits for the broker's CONNACK. @throws TransportException naming the broker and the reason */
    void connect();

    /**
     * Hands a message to Paho: written now, or buffered while the link is down.
     *
     * @throws OfflineBufferFullException when the link is down and the offline buffer is full
     * @throws TransportException when Paho refuses it for another reason
     */
    void publish(String topic, byte[] payload, int qos, boolean retain);

    /** Subscribes; waits for the SUBACK unless on a Paho callback thread or {@code wait} is false. */
    void subscribe(String filter, int qos, boolean wait);

    void unsubscribe(String filter);

    boolean isConnected();

    /** True on a thread that Paho uses to call back into us. */
    boolean onCallbackThread();

    /** Publishes {@code lastWords} (if not null) and disconnects cleanly; idempotent. */
    @Override
    void close();
}
