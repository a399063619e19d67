package io.codeact.bridge.node;

import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.agent.Outcome;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a goal ended: exactly one per goal, whether it ran, was cancelled or was refused.
 *
 * @param goalId the goal's id (null only for a refused message without a readable one)
 * @param outcome the episode's outcome ({@code solved}, {@code max_turns}, {@code token_budget},
 *     {@code time_budget}, {@code model_error}, {@code session_ended}), or {@code cancelled},
 *     {@code rejected} (never ran: malformed, queue full, unknown task) or {@code error} (the node failed)
 * @param success the task check's verdict for a task goal, else whether the model gave an answer
 * @param answer the model's answer, or null
 * @param turns model turns taken
 * @param actions code actions run
 * @param safetyViolations actions that ended in an uncaught SafetyViolation
 * @param log the episode log, or null when the goal never ran
 * @param error why it did not succeed, for people (the rejection reason, the limit, the cancel), or null
 */
public record GoalResult(String goalId, String outcome, boolean success, String answer, int turns, int actions,
        int safetyViolations, Path log, String error) {
    public static final String CANCELLED = "cancelled";
    public static final String REJECTED = "rejected";
    public static final String ERROR = "error";

    /** A goal that never ran. */
    static GoalResult rejected(String goalId, String reason) {
        return new GoalResult(goalId, REJECTED, false, null, 0, 0, 0, null, reason);
    }

    /** A queued goal removed before it ran. */
    static GoalResult cancelledInQueue(String goalId, String who) {
        return new GoalResult(goalId, CANCELLED, false, null, 0, 0, 0, null, "cancelled by " + who + " before it started");
    }

    /** The result of an episode that ran; {@code cancelledBy} is set when a cancel ended it. */
    static GoalResult of(String goalId, EpisodeResult r, String cancelledBy) {
        boolean cancelled = r.outcome() == Outcome.INTERRUPTED;
        boolean success = r.success() != null ? r.success() : r.outcome() == Outcome.SOLVED;
        String error = cancelled ? "cancelled by " + (cancelledBy == null ? "the node" : cancelledBy) + " ("
                + r.detail() + ")"
                : success ? null
                : r.success() != null && r.outcome() == Outcome.SOLVED ? "the task check failed"
                : r.detail();
        return new GoalResult(goalId, cancelled ? CANCELLED : r.outcome().wireName(), success && !cancelled, r.answer(),
                r.turns(), r.actions(), r.safetyViolations(), r.log(), error);
    }

    /** The JSON payload of the result topic. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("goal_id", goalId);
        m.put("outcome", outcome);
        m.put("success", success);
        m.put("answer", answer);
        m.put("turns", turns);
        m.put("actions", actions);
        m.put("safety_violations", safetyViolations);
        m.put("log", log == null ? null : log.toString());
        m.put("error", error);
        return m;
    }
}
