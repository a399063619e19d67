package io.codeact.bridge.eval;

/** A task file is invalid; the message names file:line, the task and the field. */
public final class TaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskException(String message) {
        super(message);
    }
}
