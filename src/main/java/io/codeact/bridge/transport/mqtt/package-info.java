/**
 * MQTT: {@link io.codeact.bridge.transport.mqtt.MqttTransport} (a {@link io.codeact.bridge.transport.Transport}
 * on Eclipse Paho, MQTT 5 or 3.1.1), the {@link io.codeact.bridge.transport.mqtt.EmbeddedBroker} used when
 * no broker is given, the command/state conventions of docs/MQTT.md
 * ({@link io.codeact.bridge.transport.mqtt.CommandChannel}, {@link io.codeact.bridge.transport.mqtt.CommandResponder},
 * {@link io.codeact.bridge.transport.mqtt.TelemetryIngest}), and in {@code discovery} the devices that Home
 * Assistant and Homie announce. Paho itself stays in {@code internal}.
 */
package io.codeact.bridge.transport.mqtt;
