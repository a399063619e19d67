/**
 * The in-process binding of the simulators: tool declarations call {@link io.codeact.bridge.sim.World}
 * commands directly ({@link io.codeact.bridge.sim.inprocess.SimToolInvoker}), a
 * {@link io.codeact.bridge.sim.inprocess.SimWorldSession} exposes a world's APIs and {@code wait} in a
 * code-action session, and tells the agent what changed in the world during each action. The MQTT and
 * ROS bindings carry the same calls over a transport instead.
 */
package io.codeact.bridge.sim.inprocess;
