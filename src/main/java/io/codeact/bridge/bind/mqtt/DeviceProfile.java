package io.codeact.bridge.bind.mqtt;

import io.codeact.bridge.transport.mqtt.discovery.DiscoveredDevice;
import java.util.Map;
import java.util.Set;

/**
 * One discovered device as the binding uses it: its Python name, the state topics it reads (by role:
 * {@code state}, {@code brightness}, {@code temperature}, {@code current_temperature}, {@code mode},
 * {@code action}, {@code position}, {@code percentage}) and where its availability comes from.
 */
record DeviceProfile(String name, DiscoveredDevice device, Map<String, StateChannel> channels, Availability availability) {

    DeviceProfile {
        channels = Map.copyOf(channels);
    }

    /** A state topic and how to read the value from its payload. */
    record StateChannel(String role, String topic, ValueTemplate template) {}

    /**
     * Where availability comes from: the payloads that mean offline (Home Assistant's
     * {@code payload_not_available}; Homie's {@code lost}, {@code disconnected}, {@code alert}).
     */
    record Availability(String topic, Set<String> offline) {
        Availability {
            offline = Set.copyOf(offline);
        }
    }

    StateChannel channel(String role) {
        return channels.get(role);
    }

    /** A payload constant the device announced (defaults filled in by discovery), or {@code fallback}. */
    String payload(String key, String fallback) {
        return device.payloads().getOrDefault(key, fallback);
    }

    String topic(String key) {
        return device.topics().get(key);
    }

    /** {@code Kitchen light (light, homeassistant/light/kitchen/config)}, for error messages. */
    String describe() {
        return "'" + device.name() + "' (" + device.component() + ", announced on " + device.discoveryTopic() + ")";
    }
}
