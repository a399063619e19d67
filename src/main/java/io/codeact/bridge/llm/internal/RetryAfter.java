package io.codeact.bridge.llm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads how long a server asks us to wait: {@code retry-after-ms} (OpenAI), else {@code Retry-After}
 * as delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The wait the headers ask for, never negative; empty when they ask none or say it unreadably.
     *
     * @param header a response header by name (case-insensitive), or null when absent
     */
    public static Optional<Duration> from(UnaryOperator<String> header, Clock clock) {
        Optional<Duration> millis = number(header.apply("retry-after-ms")).map(ms -> Duration.ofMillis(Math.round(ms)));
        if (millis.isPresent()) {
            return millis;
        }
        String value = header.apply("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Duration> seconds = number(value).map(s -> Duration.ofMillis(Math.round(s * 1000)));
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), date.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String value) {
        if (value == null || !value.strip().matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(value.strip()));
    }
}
