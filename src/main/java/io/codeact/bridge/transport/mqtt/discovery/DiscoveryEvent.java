package io.codeact.bridge.transport.mqtt.discovery;

/**
 * A change in the registry of a {@link DeviceDiscovery}.
 *
 * @param device the device added, updated or removed (its last version); null for {@link Kind#INVALID}
 * @param problem why an announcement was not used; null unless {@link Kind#INVALID}
 */
public record DiscoveryEvent(Kind kind, DiscoveredDevice device, DiscoveryProblem problem) {
    public enum Kind { ADDED, UPDATED, REMOVED, INVALID }
}
