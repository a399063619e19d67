package io.codeact.bridge.agent;

/**
 * One step of a turn of the CodeAct loop. The built-in chain is build prompt → call model → parse reply
 * → run action → observe; {@link AgentConfig#addStep} adds a step after them (e.g. a guard that ends the
 * episode when a condition holds). A step reads and changes the {@link Turn}; calling
 * {@link Turn#end} stops the episode after this step.
 */
@FunctionalInterface
public interface Step {
    void run(Turn turn) throws Exception;
}
