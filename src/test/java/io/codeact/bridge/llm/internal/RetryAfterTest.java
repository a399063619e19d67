package io.codeact.bridge.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-11-25T21:48:00Z"), ZoneOffset.UTC);

    private static Optional<Duration> from(Map<String, String> headers) {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        return RetryAfter.from(caseInsensitive::get, NOW);
    }

    @Test
    void readsDelaySeconds() {
        assertThat(from(Map.of("Retry-After", "20"))).contains(Duration.ofSeconds(20));
        assertThat(from(Map.of("retry-after", "1.5"))).contains(Duration.ofMillis(1500));
    }

    @Test
    void readsAnHttpDateAgainstTheClock() {
        assertThat(from(Map.of("Retry-After", "Tue, 25 Nov 2025 21:48:30 GMT"))).contains(Duration.ofSeconds(30));
    }

    @Test
    void dateInThePastMeansRetryNow() {
        assertThat(from(Map.of("Retry-After", "Tue, 25 Nov 2025 21:00:00 GMT"))).contains(Duration.ZERO);
    }

    @Test
    void prefersOpenAisMillisecondHeader() {
        assertThat(from(Map.of("retry-after-ms", "250", "Retry-After", "1"))).contains(Duration.ofMillis(250));
    }

    @Test
    void ignoresAbsentOrUnreadableValues() {
        assertThat(from(Map.of())).isEmpty();
        assertThat(from(Map.of("Retry-After", "soon"))).isEmpty();
    }
}
