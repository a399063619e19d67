/**
 * The controller node: the agent as a service other programs send goals to, the MQTT and ROS way.
 * {@link io.codeact.bridge.node.RobotController} is the transport-neutral core (one goal at a time per robot,
 * a bounded queue, cancel that halts motion, one result per goal); {@link io.codeact.bridge.node.MqttGoalFront}
 * and {@link io.codeact.bridge.node.RosGoalFront} carry goals, feedback, results, cancels and status over
 * MQTT topics and actionlib-style ROS topics; {@link io.codeact.bridge.node.ControllerNode} puts them together
 * from {@link io.codeact.bridge.node.NodeOptions} with a start/stop API and a health report (the CLI's
 * {@code codeact node} and the launch files' {@code controller} node). {@link io.codeact.bridge.node.EpisodeRunner}
 * runs one episode as {@code codeact run} does. See docs/NODE.md.
 */
package io.codeact.bridge.node;
