package io.codeact.bridge.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.codeact.bridge.llm.ModelException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies what went wrong with a model call and words it: the endpoint, the HTTP status, the
 * server's own text, then what to do. Every message passes through {@link Endpoint#scrub(String)}.
 */
public final class Failures {
    private static final Pattern CONTEXT_LENGTH = Pattern.compile(
            "(?i)context[_ ]length|context window|maximum context|context size|exceed_context_size"
                    + "|prompt is too long|input is too long|too many (input )?tokens");
    private static final Pattern UNKNOWN_MODEL = Pattern.compile(
            "(?i)model_not_found|model\\b.*\\b(not found|does not exist|doesn't exist|unknown|not available|not supported)"
                    + "|(unknown|invalid|no such) model");
    private static final Pattern QUOTA = Pattern.compile("(?i)insufficient_quota|exceeded your current quota|credit balance");

    private Failures() {
    }

    /** A non-2xx answer. */
    public static AttemptFailure fromStatus(Endpoint ep, int status, String body, Duration retryAfter) {
        ServerErrorText error = ServerErrorText.from(ep.scrub(body));
        String what = ep.describe() + " answered HTTP " + status + (error.message().isEmpty() ? "" : ": " + error.message());
        String words = error.code() + " " + error.message();
        if (status == 401 || status == 403) {
            return fail(Kind.AUTH, status, what, keyAdvice(ep, status));
        }
        if (status == 429) {
            if (QUOTA.matcher(words).find()) {
                return fail(Kind.RATE_LIMITED, status, what, "The account's quota or credit is used up, so retrying cannot help: "
                        + "check the plan and billing of the account" + (ep.keySource() == null ? "" : " whose key is in " + ep.keySource()));
            }
            return retry(Kind.RATE_LIMITED, status, what, "Wait a little and try again, send requests less often, "
                    + "or allow more attempts (maxAttempts)", retryAfter);
        }
        if (status == 413 || CONTEXT_LENGTH.matcher(words).find() && status < 500) {
            return fail(Kind.CONTEXT_LENGTH, status, what, "The conversation does not fit the context window of "
                    + ep.model() + ": shorten the prompt or drop old observations, or use a model with a longer context");
        }
        if (status == 404 || status == 400 && UNKNOWN_MODEL.matcher(words).find()) {
            boolean aboutModel = UNKNOWN_MODEL.matcher(words).find() || words.toLowerCase(Locale.ROOT).contains("model");
            return fail(Kind.NOT_FOUND, status, what, aboutModel
                    ? "Check the model name '" + ep.model() + "'" + ep.advice().unknownModel()
                    : "No such API at this URL: " + ep.advice().wrongUrl());
        }
        if (status == 408) {
            return retry(Kind.NETWORK, status, what, "The server timed out reading the request; try again", retryAfter);
        }
        if (status == 409 || status >= 500) {
            String state = status == 529 || error.code().contains("overloaded") ? "is overloaded" : "failed";
            return retry(Kind.SERVER, status, what, "The server " + state + "; try again later", retryAfter);
        }
        return fail(Kind.BAD_REQUEST, status, what, "The server rejected the request; its message says why"
                + (error.message().isEmpty() ? " (it gave none: " + ep.advice().wrongUrl() + ")" : ""));
    }

    /** The connection failed, timed out or was interrupted before a complete answer. */
    public static AttemptFailure fromIo(Endpoint ep, IOException e) {
        if (isCancellation(e)) {
            return new AttemptFailure(Kind.CANCELLED, 0, ep.describe() + ": the call was interrupted",
                    "Nothing more was read; ask again when ready", false, null, e);
        }
        if (isCallTimeout(e)) {
            return new AttemptFailure(Kind.NETWORK, 0, ep.describe() + " did not finish within the call timeout",
                    "Try again, or allow a longer call timeout (callTimeout)", true, null, e);
        }
        if (e instanceof InterruptedIOException) {
            return new AttemptFailure(Kind.NETWORK, 0, ep.describe() + " did not answer in time (" + e.getMessage() + ")",
                    "The server may be busy or still loading the model: try again, or allow a longer read timeout",
                    true, null, e);
        }
        if (e instanceof UnknownHostException) {
            return new AttemptFailure(Kind.NETWORK, 0, ep.describe() + ": unknown host " + ep.url().getHost(),
                    ep.advice().unreachable(), true, null, e);
        }
        if (e instanceof ConnectException) {
            return new AttemptFailure(Kind.NETWORK, 0, ep.describe() + ": could not connect (" + e.getMessage() + ")",
                    ep.advice().unreachable(), true, null, e);
        }
        return new AttemptFailure(Kind.NETWORK, 0, ep.describe() + ": " + ep.scrub(String.valueOf(e)),
                ep.advice().unreachable(), true, null, e);
    }

    /** A 2xx answer whose body is not what the API promises. Not retried: the same server would say it again. */
    public static AttemptFailure malformed(Endpoint ep, int status, String problem, String excerpt, Throwable cause) {
        String begins = excerpt == null || excerpt.isBlank() ? ""
                : "; it begins: " + ServerErrorText.oneLine(ep.scrub(excerpt.length() > 200 ? excerpt.substring(0, 200) : excerpt));
        return new AttemptFailure(Kind.MALFORMED, status, ep.describe() + " answered HTTP " + status + " with " + problem + begins,
                "Check that the URL serves this API: " + ep.advice().wrongUrl(), false, null, cause);
    }

    /** The text parsed as a JSON object; {@code what} names it in the error ("a body", "a stream event"). */
    public static JsonNode parseObject(Endpoint ep, int status, String what, String text) throws AttemptFailure {
        JsonNode node;
        try {
            node = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw malformed(ep, status, what + " that is not JSON (" + e.getOriginalMessage() + ")", text, e);
        }
        if (!node.isObject()) {
            throw malformed(ep, status, what + " that is not a JSON object", text, null);
        }
        return node;
    }

    /**
     * A streamed answer that ended before its end marker. Retried only when no text reached the
     * listener yet, since text already shown cannot be taken back. An interrupted thread cancels instead.
     */
    public static AttemptFailure truncated(Endpoint ep, ReplyStream out, String marker, IOException cause) {
        if (cause != null && isCancellation(cause)) {
            return fromIo(ep, cause);
        }
        String how = cause == null ? ""
                : isCallTimeout(cause) ? " (the call timeout ran out)" : " (" + ep.scrub(String.valueOf(cause.getMessage())) + ")";
        String what = ep.describe() + ": the streamed reply ended before " + marker + " after "
                + out.text().length() + " characters" + how;
        String advice = out.started()
                ? "The text received so far is incomplete and was not retried, because it had already been delivered; ask again"
                : "Try again; if it keeps happening, turn streaming off";
        return new AttemptFailure(Kind.TRUNCATED, 200, what, advice, !out.started(), null, cause);
    }

    /**
     * An error the server sent with a 2xx status: Anthropic's {@code error} event, an OpenAI chunk or
     * body holding {@code error}. Retried when transient and no text reached the listener yet.
     */
    public static AttemptFailure errorInAnswer(Endpoint ep, ReplyStream out, String type, String message) {
        String words = type + " " + message;
        Kind kind;
        String advice;
        if (CONTEXT_LENGTH.matcher(words).find()) {
            kind = Kind.CONTEXT_LENGTH;
            advice = "The conversation does not fit the context window of " + ep.model() + ": shorten it";
        } else if (words.contains("rate_limit")) {
            kind = Kind.RATE_LIMITED;
            advice = "Wait a little and try again, or send requests less often";
        } else if (words.contains("auth") || words.contains("permission")) {
            kind = Kind.AUTH;
            advice = keyAdvice(ep, 401);
        } else if (words.contains("invalid_request")) {
            kind = Kind.BAD_REQUEST;
            advice = "The server rejected the request; its message says why";
        } else {
            kind = Kind.SERVER;
            advice = "The server failed or is overloaded; try again later";
        }
        String after = out.started() ? " after " + out.text().length() + " characters of reply" : "";
        String what = ep.describe() + " answered with an error" + after + ": "
                + ServerErrorText.oneLine(ep.scrub((type.isEmpty() ? "" : type + ": ") + message));
        boolean transientKind = kind == Kind.SERVER || kind == Kind.RATE_LIMITED;
        return new AttemptFailure(kind, 200, what, advice, transientKind && !out.started(), null, null);
    }

    private static boolean isCancellation(IOException e) {
        // an interrupt cancels the call (InterruptWatchdog), so the read fails with whatever the cut socket says
        return Thread.currentThread().isInterrupted()
                || e instanceof InterruptedIOException && "interrupted".equals(e.getMessage());
    }

    /** OkHttp's whole-call timeout; a connect or read timeout is a {@link SocketTimeoutException}. */
    private static boolean isCallTimeout(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException) && "timeout".equals(e.getMessage());
    }

    private static String keyAdvice(Endpoint ep, int status) {
        String variable = ep.keyVariable();
        if (status == 403) {
            return "The server refused access: check that the API key" + (ep.keySource() == null ? "" : " from " + ep.keySource())
                    + " belongs to an account allowed to use " + ep.model();
        }
        if (ep.apiKey() == null) {
            return variable == null ? "No API key was sent: pass one with the apiKey option"
                    : "No API key was sent: set " + variable;
        }
        return "The API key from " + ep.keySource() + " was refused: "
                + (variable == null ? "pass a valid key with the apiKey option" : "set " + variable + " to a valid key for this server");
    }

    private static AttemptFailure fail(Kind kind, int status, String what, String advice) {
        return new AttemptFailure(kind, status, what, advice, false, null, null);
    }

    private static AttemptFailure retry(Kind kind, int status, String what, String advice, Duration retryAfter) {
        return new AttemptFailure(kind, status, what, advice, true, retryAfter, null);
    }

    /** {@code 2.5 s}. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
