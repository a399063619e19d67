/**
 * Tool declarations bound to ROS 1: {@link io.codeact.bridge.tools.ros.RosToolInvoker} carries out a
 * declaration's {@code binding.ros} (topic commands, topic reads, services) on a
 * {@link io.codeact.bridge.transport.ros.RosNode}, and sends tools without one to a codeact node's
 * {@code /codeact/call} ({@link io.codeact.bridge.tools.ros.ToolCallProtocol}, with lease heartbeats);
 * {@link io.codeact.bridge.tools.ros.RosWorldSession} binds a world's declarations to a code-action session.
 */
package io.codeact.bridge.tools.ros;
