package io.codeact.bridge.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress of the running goal, one per turn that ran an action (or got an observation).
 *
 * @param goalId the running goal
 * @param turn the turn number, from 1
 * @param code the code action run, or null when the turn had none
 * @param output what the action printed (stdout, then stderr)
 * @param error the action's error (type: message, or the traceback), or null
 * @param safetyEvents safety refusals during the action, each {type, message}
 * @param observation what the model was told back
 */
public record GoalFeedback(String goalId, int turn, String code, String output, String error,
        List<Map<String, Object>> safetyEvents, String observation) {

    /** The JSON payload of the feedback topic. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("goal_id", goalId);
        m.put("turn", turn);
        m.put("code", code);
        m.put("output", output);
        m.put("errors", error == null ? List.of() : List.of(error));
        m.put("safety_events", safetyEvents);
        m.put("observation", observation);
        return m;
    }
}
