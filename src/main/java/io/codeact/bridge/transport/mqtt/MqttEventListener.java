package io.codeact.bridge.transport.mqtt;

/**
 * Receives what happens on an MQTT link: connects, losses, dropped messages, a full offline buffer.
 * Called on the transport's threads; must not block. Every event is also logged.
 */
@FunctionalInterface
public interface MqttEventListener {
    void onEvent(MqttEvent event);
}
