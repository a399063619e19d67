package io.codeact.bridge.node;

/**
 * A goal message that cannot be run as sent: not JSON, a missing or mistyped field, an unknown task, a
 * duplicate id. Its message names the field and what to send instead; the node answers it with a
 * {@code rejected} result and keeps running.
 */
public final class MalformedGoalException extends RuntimeException {
    private final String goalId;
    private final String field;

    /**
     * @param goalId the goal's id when the message had a readable one, else null
     * @param field the offending field, or null when the whole message is wrong
     */
    public MalformedGoalException(String goalId, String field, String message) {
        super(message);
        this.goalId = goalId;
        this.field = field;
    }

    public String goalId() {
        return goalId;
    }

    public String field() {
        return field;
    }
}
