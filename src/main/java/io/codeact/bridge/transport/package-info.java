/**
 * How commands and telemetry move: the {@link io.codeact.bridge.transport.Transport} interface that the
 * MQTT ({@code transport.mqtt}) and ROS 1 ({@code transport.ros}) implementations share. What a robot
 * can do (tools) is kept apart from how bytes move (transports): a tool declaration names a topic and a
 * message type, a transport carries it.
 */
package io.codeact.bridge.transport;
