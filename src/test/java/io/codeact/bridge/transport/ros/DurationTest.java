package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationTest {
    @Test
    void normalisesLikeRospyWithTheSignInTheSeconds() {
        assertThat(Duration.ofNanos(1_500_000_000L)).isEqualTo(new Duration(1, 500_000_000));
        assertThat(Duration.ofNanos(-1_500_000_000L)).isEqualTo(new Duration(-2, 500_000_000));
        assertThat(Duration.ofNanos(-1_500_000_000L).toNanos()).isEqualTo(-1_500_000_000L);
        assertThat(Duration.of(java.time.Duration.ofMillis(250)).toSeconds()).isEqualTo(0.25);
        assertThat(new Duration(-2, 500_000_000).toJavaDuration()).isEqualTo(java.time.Duration.ofMillis(-1500));
    }

    @Test
    void rejectsLengthsBeyondInt32Seconds() {
        assertThatThrownBy(() -> Duration.ofNanos(Long.MAX_VALUE))
                .hasMessage("Duration of 9223372036854775807 ns does not fit in int32 seconds");
    }
}
