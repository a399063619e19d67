/**
 * The safety layer: every tool call passes through a {@link io.codeact.bridge.safety.SafetyGate} on its
 * way to a binding (in-process simulator, MQTT, ROS), in Java, where no prompt or code action reaches.
 *
 * <ul>
 *   <li>{@link io.codeact.bridge.safety.SafetyPolicy}: the envelope from a deployment's safety file
 *       ({@code safety/*.yaml}) on top of the tool declarations: tighter ranges, geofence and keep-out
 *       zones, rate limits, which tools exist for the model, which need a person's confirmation.</li>
 *   <li>{@link io.codeact.bridge.safety.StopLatch}: the emergency stop, never gated, latched until a
 *       person resumes; {@link io.codeact.bridge.safety.ControlServer} lets {@code codeact stop} reach a
 *       running controller.</li>
 *   <li>{@link io.codeact.bridge.safety.Confirmer}: how a person allows or denies an irreversible call
 *       (terminal prompt, PIN, or a fixed answer for unattended runs), with a timeout that denies.</li>
 * </ul>
 *
 * Every command, rejection, clamp, confirmation, stop and lease expiry is written to the episode record
 * as a {@code safety} line. See docs/SAFETY.md for what is guaranteed and what is not.
 */
package io.codeact.bridge.safety;
