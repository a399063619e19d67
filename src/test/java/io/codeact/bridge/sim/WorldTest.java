package io.codeact.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link World}'s blocking helpers, on the built-in worlds. */
class WorldTest {
    @Test
    void aBlockingCommandKeepsItsLeaseAliveWhileItWaits() {
        World w = Worlds.create("warehouse", 1, Map.of());
        Map<String, Object> r = w.command("base.drive", Map.of("linear", 0.5, "duration", 5.0, "lease", 0.2));
        assertThat(r).containsEntry("status", "done");
        assertThat(w.clock().seconds()).isGreaterThan(5.0);
    }

    @Test
    void runUntilRenewsNothingSoAnUnattendedMotionStops() {
        World w = Worlds.create("warehouse", 1, Map.of());
        Activity drive = w.start("base.drive", Map.of("linear", 0.5, "duration", 5.0, "lease", 0.2));
        assertThat(w.runUntil(drive::done, 10)).isTrue();
        assertThat(drive.result()).containsEntry("status", "lease_expired");
        assertThat(w.clock().seconds()).isLessThan(1.0);
    }

    @Test
    void runUntilGivesUpAtTheTimeout() {
        World w = Worlds.create("smart_home", 1, Map.of());
        assertThat(w.runUntil(() -> false, 2.5)).isFalse();
        assertThat(w.clock().seconds()).isEqualTo(2.5);
    }

    @Test
    void commandErrorsLeaveTheWorldAsItWas() {
        World w = Worlds.create("tabletop", 1, Map.of());
        Map<String, Object> before = w.state();
        assertThatThrownBy(() -> w.command("arm.move_to", Map.of("x", 2.0, "y", 0.0, "z", 0.1)))
                .isInstanceOf(SimCommandException.class)
                .extracting(e -> ((SimCommandException) e).api()).isEqualTo("arm.move_to");
        assertThatThrownBy(() -> w.command("arm.fly", Map.of()))
                .extracting(e -> ((SimCommandException) e).reason()).isEqualTo(SimCommandException.Reason.UNKNOWN_API);
        assertThat(w.state()).isEqualTo(before);
    }

    @Test
    void instantCommandsComeBackDone() {
        Activity read = Worlds.create("smart_home", 1, Map.of()).start("presence.who_is_home", Map.of());
        assertThat(read.done()).isTrue();
        assertThat(read.timeoutSeconds()).isZero();
        assertThat(read.result()).containsEntry("people", java.util.List.of("alice"));
    }
}
