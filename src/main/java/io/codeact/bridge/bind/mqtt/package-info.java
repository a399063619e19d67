/**
 * The MQTT binding of tool declarations: a checked tool call becomes a command on
 * {@code <prefix>/<device>/<api>/cmd} ({@link io.codeact.bridge.bind.mqtt.MqttBinding} says where), confirmed by
 * the device's echo, with motion leases renewed while it runs ({@link io.codeact.bridge.bind.mqtt.MqttToolInvoker}).
 * Depends on {@code tools} and {@code transport.mqtt}; a simulator node ({@code sim.node}) and a real device
 * look the same from here.
 */
package io.codeact.bridge.bind.mqtt;
