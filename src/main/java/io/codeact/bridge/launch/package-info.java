/**
 * Launch files: which nodes run (embedded MQTT broker, ROS master, the agent, external processes, and
 * later the simulator and controller nodes), with which parameters, in which order, supervised.
 *
 * <p>{@link io.codeact.bridge.launch.LaunchLoader} reads a YAML launch file with its args, includes and
 * environment into a {@link io.codeact.bridge.launch.LaunchPlan}, checking every node's parameters against
 * its {@link io.codeact.bridge.launch.NodeType} and reporting every problem of the file at once, each
 * with file:line. {@link io.codeact.bridge.launch.Launcher} starts the plan's nodes in dependency order,
 * waits for each to be healthy before its dependants, restarts them per their policy and stops them in
 * reverse order. A node type is one class plus one line in {@link io.codeact.bridge.launch.NodeTypes}.
 * {@link io.codeact.bridge.launch.EpisodeRunner} is one episode (goal or task, model, world, log) as
 * {@code codeact run} and the {@code agent} node type run it. The format is described in docs/LAUNCH.md.
 */
package io.codeact.bridge.launch;
