/**
 * Machinery of the MQTT transport: the two Paho clients behind one {@code MqttLink} (their shared part in {@code PahoLink}), payload codecs and
 * topic-filter matching. Nothing outside {@code transport.mqtt} imports this package.
 */
package io.codeact.bridge.transport.mqtt.internal;
