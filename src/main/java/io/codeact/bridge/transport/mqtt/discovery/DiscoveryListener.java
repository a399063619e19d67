package io.codeact.bridge.transport.mqtt.discovery;

/** Told about each registry change; called on the transport's callback thread, must not block. */
@FunctionalInterface
public interface DiscoveryListener {
    void onChange(DiscoveryEvent event);
}
