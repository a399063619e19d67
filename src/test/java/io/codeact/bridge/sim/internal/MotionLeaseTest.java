package io.codeact.bridge.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.sim.SimClock;
import org.junit.jupiter.api.Test;

class MotionLeaseTest {
    @Test
    void expiresOnePeriodAfterItWasLastRenewed() {
        SimClock clock = new SimClock();
        MotionLease lease = new MotionLease(clock, 0.5);
        clock.advance(SimClock.toNanos(0.4));
        assertThat(lease.expired()).isFalse();
        lease.renew();
        clock.advance(SimClock.toNanos(0.4));
        assertThat(lease.expired()).isFalse();
        assertThat(lease.expiresAt()).isEqualTo(0.9);
        clock.advance(SimClock.toNanos(0.1));
        assertThat(lease.expired()).isTrue();
        lease.renew(2.0);
        assertThat(lease.periodSeconds()).isEqualTo(2.0);
        assertThat(lease.expiresAt()).isEqualTo(2.9);
    }
}
