package io.codeact.bridge.llm.internal;

import io.codeact.bridge.llm.ModelException;
import io.codeact.bridge.llm.RetryPolicy;
import io.codeact.bridge.llm.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an attempt until it succeeds, fails for good, or the {@link RetryPolicy} runs out of tries,
 * waiting between tries with exponential backoff and jitter or as long as the server asked.
 */
public final class RetryLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RetryLoop.class);

    /** One try; throws {@link AttemptFailure} to say whether another could help. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws AttemptFailure;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public RetryLoop(RetryPolicy policy, Sleeper sleeper) {
        this(policy, sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random uniform numbers in [0, 1) for jitter */
    public RetryLoop(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @throws ModelException the last failure, once retrying cannot or may not help */
    public <T> T run(Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (AttemptFailure failure) {
                if (!failure.retryable() || n >= policy.maxAttempts()) {
                    throw failure.giveUp(n);
                }
                int tried = n;
                Duration wait = failure.retryAfter().orElseGet(() -> jittered(policy.backoff(tried)));
                if (failure.retryAfter().isPresent() && wait.compareTo(policy.maxRetryAfter()) > 0) {
                    throw failure.giveUpWaiting(wait, policy.maxRetryAfter());
                }
                LOG.warn("{}; retrying in {} (attempt {} of {})", failure.what(), Failures.seconds(wait), n + 1, policy.maxAttempts());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ModelException(ModelException.Kind.CANCELLED, failure.httpStatus(),
                            failure.what() + "; interrupted while waiting " + Failures.seconds(wait) + " to retry", e);
                }
            }
        }
    }

    private Duration jittered(Duration backoff) {
        double factor = 1 - policy.jitter() * random.getAsDouble();
        return Duration.ofMillis(Math.round(backoff.toMillis() * factor));
    }
}
