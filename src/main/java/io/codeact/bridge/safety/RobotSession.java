package io.codeact.bridge.safety;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.sandbox.Session;

/**
 * A robot (simulated or real, in-process or over a transport) bound to code actions behind a
 * {@link SafetyGate}: what a command needs of any binding session.
 */
public interface RobotSession extends AutoCloseable {
    /** Exposes the robot's APIs, {@code stop()} and {@code wait()} in a session. */
    void exposeIn(Session session);

    /** Exposes the APIs, documents them in the agent's prompt and puts the gate into its loop. */
    void bindTo(Session session, AgentConfig config);

    /** The safety layer every call passes. */
    SafetyGate safety();

    /** Releases the binding's connections; never throws a checked exception. */
    @Override
    void close();
}
