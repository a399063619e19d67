/**
 * Devices announced on MQTT: Home Assistant MQTT discovery and Homie 4 announcements become
 * {@link io.codeact.bridge.transport.mqtt.discovery.DiscoveredDevice}s (topics, payloads, ranges, risk
 * tier) in the live registry of a {@link io.codeact.bridge.transport.mqtt.discovery.DeviceDiscovery}.
 */
package io.codeact.bridge.transport.mqtt.discovery;
