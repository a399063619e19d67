/**
 * Simulated worlds as network nodes that the bridge cannot tell from real robots and devices: a world
 * stepped in real time (× a rate) behind the ROS topics and services a robot offers ({@code SimRosNode},
 * docs/ROS.md) or the MQTT topics a device speaks ({@code SimMqttNode}, docs/MQTT.md). Both halt the
 * world on their stop topic and stop motions whose lease the bridge stops renewing.
 */
package io.codeact.bridge.sim.node;
