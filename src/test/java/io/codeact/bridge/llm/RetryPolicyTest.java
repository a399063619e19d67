package io.codeact.bridge.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultTriesFourTimesWithDoublingWaitsFromHalfASecond() {
        RetryPolicy policy = RetryPolicy.DEFAULT;

        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void backoffNeverExceedsTheMaximum() {
        assertThat(RetryPolicy.DEFAULT.backoff(10)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RetryPolicy.DEFAULT.backoff(1000)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0))
                .hasMessage("maxAttempts must be >= 1 (1 = no retries), got 0");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 1.5, Duration.ZERO))
                .hasMessage("jitter must be between 0 and 1, got 1.5");
    }
}
