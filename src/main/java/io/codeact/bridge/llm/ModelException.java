package io.codeact.bridge.llm;

import java.util.Objects;

/**
 * A model could not answer. The {@link #kind()} says what went wrong so a caller can react (shorten
 * the conversation on {@link Kind#CONTEXT_LENGTH}, stop the episode on {@link Kind#AUTH}); the message
 * is written for a person: it names the model, the endpoint, the HTTP status and the server's own error
 * text, then what to do. API keys never appear in it.
 *
 * <pre>{@code
 * try { reply = model.complete(request); }
 * catch (ModelException e) { if (e.kind() == Kind.CONTEXT_LENGTH) dropOldObservations(); else throw e; }
 * }</pre>
 */
public final class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The model spec, an option, an environment variable or a scripted file is wrong; nothing was sent. */
        CONFIG,
        /** HTTP 401/403: the API key is missing, wrong or not allowed to use this model. */
        AUTH,
        /** HTTP 404 or an error saying the model does not exist: unknown model, or a wrong base URL. */
        NOT_FOUND,
        /** The conversation does not fit the model's context window (or the request is too large). */
        CONTEXT_LENGTH,
        /** The server rejected the request for another reason (HTTP 400/422 ...). */
        BAD_REQUEST,
        /** HTTP 429 still after every retry, or a quota that retrying cannot fix. */
        RATE_LIMITED,
        /** HTTP 5xx or 529 (overloaded) still after every retry, or an error event inside a stream. */
        SERVER,
        /** The server could not be reached or did not answer in time, still after every retry. */
        NETWORK,
        /** The server answered with something that is not the expected JSON or event stream. */
        MALFORMED,
        /** A streamed reply stopped before its end marker ({@code [DONE]}, {@code message_stop}). */
        TRUNCATED,
        /** The calling thread was interrupted while waiting; the call was abandoned. */
        CANCELLED,
        /** The scripted model has no recorded reply left. */
        SCRIPT_EXHAUSTED
    }

    private final Kind kind;
    private final int httpStatus;

    public ModelException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    /**
     * @param httpStatus the HTTP status the server answered, or 0 when there was no HTTP answer
     */
    public ModelException(Kind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the failed answer, or 0 when there was none (network errors, config, scripts). */
    public int httpStatus() {
        return httpStatus;
    }
}
