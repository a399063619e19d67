package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTest {
    @Test
    void convertsToAndFromNanosAndInstants() {
        Time t = Time.ofNanos(1_700_000_000_123_456_789L);
        assertThat(t).isEqualTo(new Time(1_700_000_000L, 123_456_789L));
        assertThat(t.toNanos()).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(t.toInstant()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_789L));
        assertThat(Time.of(t.toInstant())).isEqualTo(t);
        assertThat(new Time(1, 500_000_000).toSeconds()).isEqualTo(1.5);
    }

    @Test
    void holdsUnsigned32BitSecondsAndRejectsOthers() {
        assertThat(new Time(4_294_967_295L, 0).secs()).isEqualTo(4_294_967_295L);
        assertThatThrownBy(() -> new Time(-1, 0)).hasMessage("Time secs must be in 0..4294967295 (uint32), got -1");
        assertThatThrownBy(() -> Time.ofNanos(-5)).hasMessage("Time cannot be negative, got -5 ns; use Duration for differences");
        assertThatThrownBy(() -> Time.of(Instant.parse("1969-12-31T23:59:59Z")))
                .hasMessage("Time cannot be before 1970, got 1969-12-31T23:59:59Z");
    }
}
