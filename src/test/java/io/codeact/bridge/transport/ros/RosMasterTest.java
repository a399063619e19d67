package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RosMasterTest {

    @Test
    void answersLookupsAndListsOnlyPublishedTopicsUnderASubgraph() {
        try (RosMaster master = RosMaster.start("127.0.0.1", 0)) {
            MasterClient client = MasterClient.of(master.uri(), "/tool");
            client.registerPublisher("/robot1/odom", "nav_msgs/Odometry", "http://127.0.0.1:1/");
            client.registerSubscriber("/robot1/cmd_vel", "geometry_msgs/Twist", "http://127.0.0.1:1/");
            client.registerService("/robot1/reset", "rosrpc://127.0.0.1:2", "http://127.0.0.1:1/");

            assertThat(client.getUri()).isEqualTo(master.uri());
            assertThat(client.publishedTopics("/robot1")).isEqualTo(Map.of("/robot1/odom", "nav_msgs/Odometry"));
            assertThat(client.topicTypes()).containsEntry("/robot1/cmd_vel", "geometry_msgs/Twist");
            assertThat(client.lookupService("/robot1/reset")).isEqualTo("rosrpc://127.0.0.1:2");
            assertThat(client.lookupNode("/tool")).isEqualTo("http://127.0.0.1:1/");
            assertThat(client.systemState().nodes()).containsExactly("/tool");
            assertThat(client.unregisterPublisher("/robot1/odom", "http://127.0.0.1:9/")).isZero();
            assertThat(client.unregisterPublisher("/robot1/odom", "http://127.0.0.1:1/")).isOne();
            assertThatThrownBy(() -> client.lookupNode("/ghost"))
                    .isInstanceOf(MasterException.class)
                    .hasMessage("the ROS master at " + master.uri() + " refused lookupNode(/ghost): unknown node [/ghost]");
            assertThatThrownBy(() -> client.lookupService("/ghost")).hasMessageEndingWith("no provider for [/ghost]");
        }
    }

    @Test
    void tellsParameterSubscribersAboutChangesAboveAndBelowTheirKey() throws Exception {
        try (RosMaster master = RosMaster.start("127.0.0.1", 0);
                RosNode watcher = RosNode.builder("/watcher").masterUri(master.uri()).start();
                RosNode setter = RosNode.builder("/setter").masterUri(master.uri()).start()) {
            BlockingQueue<String> updates = new LinkedBlockingQueue<>();
            watcher.params().subscribe("/arm/gains", (key, value) -> updates.add(key + "=" + value));

            setter.params().set("/arm/gains/p", 2);
            setter.params().set("/arm", Map.of("gains", Map.of("p", 3), "name", "left"));
            setter.params().delete("/arm");
            setter.params().set("/other", 1);

            assertThat(updates.poll(5, TimeUnit.SECONDS)).isEqualTo("/arm/gains/p=2");
            assertThat(updates.poll(5, TimeUnit.SECONDS)).isEqualTo("/arm/gains={p=3}");
            assertThat(updates.poll(5, TimeUnit.SECONDS)).isEqualTo("/arm/gains={}");
            assertThat(updates.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(watcher.params().names()).isEqualTo(List.of("/other", "/run_id"));
        }
    }

    @Test
    void saysWhenItsPortIsTaken() {
        try (RosMaster first = RosMaster.start("127.0.0.1", 0)) {
            assertThatThrownBy(() -> RosMaster.start("127.0.0.1", first.port()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("cannot start a ROS master on 127.0.0.1:" + first.port())
                    .hasMessageContaining("is another master (roscore) already running there? Try another --port");
        }
    }
}
