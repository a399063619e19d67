package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.TransportMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RosTransportTest {
    private static RosMaster master;

    @BeforeAll
    static void startMaster() {
        master = RosMaster.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopMaster() {
        master.close();
    }

    @Test
    void publishesSubscribesAndCallsByRosTypeName() throws Exception {
        try (RosTransport robot = RosTransport.start(RosNode.builder("/robot").masterUri(master.uri()));
                RosTransport bridge = RosTransport.start(RosNode.builder("/bridge").masterUri(master.uri()))) {
            BlockingQueue<TransportMessage> received = new LinkedBlockingQueue<>();
            Subscription sub = robot.subscribe("/cmd_vel", "geometry_msgs/Twist", received::add);
            robot.node().advertiseService("/reset", "std_srvs/Trigger", req -> Map.of("success", true, "message", "reset"));
            bridge.publish("/cmd_vel", "geometry_msgs/Twist", Map.of("linear", Map.of("x", 0.2)));
            RosPublisher cmd = bridge.node().advertise("/cmd_vel", "geometry_msgs/Twist");
            assertThat(cmd.awaitSubscribers(1, Duration.ofSeconds(10))).isTrue();

            bridge.publish("/cmd_vel", "geometry_msgs/Twist", Map.of("linear", Map.of("x", 0.3)));

            TransportMessage m = received.poll(10, TimeUnit.SECONDS);
            assertThat(m).isNotNull();
            assertThat(m.topic()).isEqualTo("/cmd_vel");
            assertThat(m.type()).isEqualTo("geometry_msgs/Twist");
            assertThat(m.fields().get("linear")).isEqualTo(Map.of("x", 0.3, "y", 0.0, "z", 0.0));
            assertThat(bridge.call("/reset", "std_srvs/Trigger", Map.of(), Duration.ofSeconds(5)))
                    .isEqualTo(Map.of("success", true, "message", "reset"));
            assertThat(bridge.endpoint()).isEqualTo(master.uri().replace("http://", "ros://") + " as /bridge");
            sub.close();
        }
    }

    @Test
    void reportsUnknownTypesAndBadValuesAsTransportExceptions() {
        try (RosTransport ros = RosTransport.start(RosNode.builder("/strict_bridge").masterUri(master.uri()))) {
            assertThatThrownBy(() -> ros.publish("/cmd_vel", "geometry_msgs/Twits", Map.of()))
                    .isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("cannot use /cmd_vel: unknown message type geometry_msgs/Twits");
            assertThatThrownBy(() -> ros.publish("/cmd_vel", "geometry_msgs/Twist", Map.of("linear", Map.of("x", "fast"))))
                    .isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("cannot publish on /cmd_vel: linear.x: expected float64, got String \"fast\"");
            assertThatThrownBy(() -> ros.publish("/cmd_vel", "std_msgs/String", Map.of()))
                    .hasMessageStartingWith("cannot publish std_msgs/String on /cmd_vel: this transport already publishes"
                            + " geometry_msgs/Twist there");
            assertThatThrownBy(() -> ros.call("/nothing", "std_srvs/Trigger", Map.of(), Duration.ofSeconds(2)))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageStartingWith("no node provides service /nothing");
        }
    }
}
