/**
 * The MQTT binding of tool declarations: a checked tool call becomes a command on
 * {@code <prefix>/<device>/<api>/cmd} ({@link io.codeact.bridge.bind.mqtt.MqttBinding} says where), confirmed by
 * the device's echo, with motion leases renewed while it runs ({@link io.codeact.bridge.bind.mqtt.MqttToolInvoker}).
 * Devices announced by Home Assistant MQTT discovery or Homie become declarations by themselves
 * ({@link io.codeact.bridge.bind.mqtt.DiscoveredTools}), carried out in the devices' own payloads and confirmed by
 * their state topics ({@link io.codeact.bridge.bind.mqtt.DiscoveredDeviceInvoker}), behind the safety gate
 * ({@link io.codeact.bridge.bind.mqtt.DiscoverySession}, {@code --binding ha}).
 * Depends on {@code tools}, {@code safety} and {@code transport.mqtt}; a simulator node ({@code sim.node}) and a
 * real device look the same from here.
 */
package io.codeact.bridge.bind.mqtt;
