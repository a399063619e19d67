package io.codeact.bridge.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try a model call again. A call is retried on HTTP 408, 409, 429, 5xx and 529 (overloaded),
 * on timeouts and connection errors, and on a stream that failed before its first token; never after
 * text has reached the {@link TokenListener}, and never on errors that another try cannot fix (bad key,
 * unknown model, context too long, malformed replies).
 *
 * <p>The wait before try {@code n+1} is the server's {@code Retry-After} (seconds or an HTTP date) or
 * {@code retry-after-ms} when it sent one, else {@code min(maxBackoff, initialBackoff * 2^(n-1))}
 * shortened by up to {@code jitter} of itself at random. A server asking for more than
 * {@code maxRetryAfter} is not waited for: the call fails at once, saying how long the server asked.
 *
 * <pre>{@code
 * ChatModels.fromSpec(spec, c -> c.retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(6)));
 * }</pre>
 *
 * @param maxAttempts    tries in all, including the first; 1 means never retry
 * @param initialBackoff wait after the first failure when the server gives no Retry-After
 * @param maxBackoff     the longest computed wait
 * @param jitter         fraction (0 to 1) by which a computed wait is shortened at random, so many
 *                       clients do not retry in step
 * @param maxRetryAfter  the longest Retry-After this client honours
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter, Duration maxRetryAfter) {
    /** 4 tries; waits of about 0.5 s, 1 s, 2 s; Retry-After honoured up to 60 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), 0.25, Duration.ofSeconds(60));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 (1 = no retries), got " + maxAttempts);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry waits must not be negative, got initialBackoff " + initialBackoff
                    + ", maxBackoff " + maxBackoff + ", maxRetryAfter " + maxRetryAfter);
        }
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }

    /** This policy without randomness: the computed waits are exact (for tests and reproducible runs). */
    public RetryPolicy withoutJitter() {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, 0, maxRetryAfter);
    }

    /** The computed wait after failed try {@code attempt} (1-based), before jitter. */
    public Duration backoff(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(2, Math.max(attempt - 1, 0));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}
