package io.codeact.bridge.node;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.eval.Task;
import io.codeact.bridge.sandbox.Session;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The robot an episode acts on, as the node sees it: its APIs bound into an episode's session, and the
 * stop. The in-process simulator is {@link SimulatedRobot}; MQTT and ROS bindings implement the same.
 * Thread-safe: {@link #halt} is called from another thread while an episode runs.
 */
public interface RobotBinding {
    /** For people: what this robot is, e.g. {@code warehouse simulator (in-process, seed 7)}. */
    String describe();

    /** Exposes the robot's APIs in the session, documents them in the prompt, adds observation sources. */
    void bindTo(Session session, AgentConfig config);

    /**
     * Halts all motion now, whatever is running: never refused. Returns JSON-friendly detail of what was
     * halted, for logs.
     *
     * @param reason who or what stopped it, e.g. {@code cancel by mqtt}
     */
    Map<String, Object> halt(String reason);

    /** Records the robot's final state in the episode log, where the binding knows it. */
    default void recordFinalState(EpisodeLog log) {}

    /** Why this robot cannot run the task, or null when it can: checked when a task goal arrives. */
    default String problemWith(Task task) {
        return "task " + task.id() + " needs the " + task.world() + " simulator; " + describe() + " cannot run tasks";
    }

    /**
     * Gets the robot ready for a task's episode (a simulator resets to the task's scenario and seed).
     *
     * @throws IllegalArgumentException naming the task and why this robot cannot run it
     */
    default void prepareFor(Task task) {
        throw new IllegalArgumentException("task " + task.id() + " needs the " + task.world() + " simulator; "
                + describe() + " cannot run tasks");
    }

    /** The task's success check on the robot's state, given the final answer; null when it cannot be checked. */
    default Predicate<String> successCheck(Task task) {
        return null;
    }
}
