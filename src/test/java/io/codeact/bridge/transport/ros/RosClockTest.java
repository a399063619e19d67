package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RosClockTest {

    @Test
    void followsClockWhenUseSimTimeIsSet() throws Exception {
        try (RosMaster master = RosMaster.start("127.0.0.1", 0);
                RosNode sim = RosNode.builder("/sim").masterUri(master.uri()).start()) {
            sim.params().set("/use_sim_time", true);
            RosPublisher clock = sim.advertise("/clock", "rosgraph_msgs/Clock", PublisherOptions.DEFAULT.latched());
            clock.publish(Map.of("clock", new Time(100, 0)));
            try (RosNode bridge = RosNode.builder("/bridge").masterUri(master.uri()).start()) {
                assertThat(bridge.clock().isSimulated()).isTrue();
                assertThat(bridge.clock().awaitTime(new Time(100, 0), 10_000)).isTrue();

                clock.publish(Map.of("clock", new Time(101, 500_000_000)));

                assertThat(bridge.clock().awaitTime(new Time(101, 500_000_000), 10_000)).isTrue();
                assertThat(bridge.clock().now()).isEqualTo(new Time(101, 500_000_000));
                assertThat(bridge.clock().instant()).isEqualTo(Instant.ofEpochSecond(101, 500_000_000));
            }
        }
    }

    @Test
    void readsTheWallClockOtherwise() throws Exception {
        try (RosMaster master = RosMaster.start("127.0.0.1", 0);
                RosNode node = RosNode.builder("/walltime").masterUri(master.uri()).start()) {
            Instant before = Instant.now();
            Time now = node.clock().now();

            assertThat(node.clock().isSimulated()).isFalse();
            assertThat(now.toInstant()).isBetween(before, Instant.now());
            assertThat(RosClock.wall().awaitTime(Time.of(Instant.now().plusMillis(20)), 5_000)).isTrue();
            assertThat(Duration.between(before, Instant.now())).isPositive();
        }
    }
}
