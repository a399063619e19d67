package io.codeact.bridge.transport.mqtt.internal;

/** What a {@link MqttLink} reports; called on Paho's threads, must not block. */
public interface LinkEvents {
    void message(String topic, byte[] payload, int qos, boolean retained);

    /** The link is up; {@code reconnect} is false for the first connection. */
    void connected(boolean reconnect, boolean sessionPresent);

    void lost(Throwable cause);

    /** An asynchronous operation (a resubscribe, a buffered publish) failed. */
    void failed(String what, Throwable cause);
}
