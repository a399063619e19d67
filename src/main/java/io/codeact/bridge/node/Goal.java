package io.codeact.bridge.node;

import java.time.Instant;
import java.util.Objects;

/**
 * A goal sent to the controller node: the goal in words or a task id, optional budgets that override the
 * node's, and where it came from.
 *
 * @param goalId the sender's id for it; results, feedback and status carry it
 * @param text the goal in words, or null when {@code task} is given
 * @param task a task id from simulations/tasks (its goal, scenario, turn budget and success check), or null
 * @param maxTurns turn limit for this goal, or null for the node's (or the task's)
 * @param timeBudgetSeconds wall-clock budget in seconds, or null for the node's
 * @param tokenBudget prompt + completion tokens, or null for the node's
 * @param source who sent it, for logs and cancel reasons ({@code mqtt}, {@code ros}, {@code api})
 * @param received when the node received it
 */
public record Goal(String goalId, String text, String task, Integer maxTurns, Double timeBudgetSeconds, Long tokenBudget,
        String source, Instant received) {
    public Goal {
        Objects.requireNonNull(goalId, "goalId");
        if ((text == null) == (task == null)) {
            throw new IllegalArgumentException("a goal has either text or a task id, not " + (text == null ? "neither" : "both"));
        }
    }

    /** A goal in words with the node's budgets. */
    public static Goal of(String goalId, String text) {
        return new Goal(goalId, text, null, null, null, null, "api", Instant.now());
    }

    /** A task goal with the node's budgets. */
    public static Goal ofTask(String goalId, String task) {
        return new Goal(goalId, null, task, null, null, null, "api", Instant.now());
    }

    /** The goal in words, or {@code task <id>}: for logs and status. */
    public String describe() {
        return text != null ? text : "task " + task;
    }
}
