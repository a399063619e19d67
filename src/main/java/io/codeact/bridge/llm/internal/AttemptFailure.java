package io.codeact.bridge.llm.internal;

import io.codeact.bridge.llm.ModelException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One failed try at a model call: what happened, what a user can do, whether trying again could help,
 * and how long the server asked us to wait. {@link RetryLoop} turns the last one into a
 * {@link ModelException}.
 */
public final class AttemptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final ModelException.Kind kind;
    private final int httpStatus;
    private final String what;
    private final String advice;
    private final boolean retryable;
    private final transient Duration retryAfter;

    /**
     * @param what       what happened, naming the endpoint; no final period
     * @param advice     what to do, as one or more sentences
     * @param retryAfter the wait the server asked for, or null
     */
    public AttemptFailure(ModelException.Kind kind, int httpStatus, String what, String advice, boolean retryable,
                          Duration retryAfter, Throwable cause) {
        super(what, cause, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.what = Objects.requireNonNull(what, "what");
        this.advice = Objects.requireNonNull(advice, "advice");
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public ModelException.Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String what() {
        return what;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The exception for a caller after {@code attempts} tries, the last of which failed like this. */
    public ModelException giveUp(int attempts) {
        String note = attempts > 1 ? " (gave up after " + attempts + " attempts)" : "";
        return new ModelException(kind, httpStatus, what + note + ". " + advice, getCause());
    }

    /** The exception for a caller when the server asked for a longer wait than we allow. */
    public ModelException giveUpWaiting(Duration asked, Duration allowed) {
        return new ModelException(kind, httpStatus, what + " (the server asked to retry after " + Failures.seconds(asked)
                + ", longer than the " + Failures.seconds(allowed) + " this client waits). " + advice, getCause());
    }
}
