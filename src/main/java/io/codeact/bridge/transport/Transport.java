package io.codeact.bridge.transport;

import java.time.Duration;
import java.util.Map;

/**
 * A live connection to a message bus: an MQTT broker or a ROS graph.
 *
 * <p>Messages are field maps ({@code Map<String, Object>}: numbers, strings, booleans, lists, nested
 * maps; {@code byte[]} for raw bytes) plus a {@code type} saying how to encode them: a ROS message type
 * such as {@code geometry_msgs/Twist} for ROS, {@code json} (or {@code raw}, with the bytes under the
 * key {@code "data"}) for MQTT. Implementations are thread-safe; handlers are called on the
 * transport's own threads and must not block for long.
 *
 * <pre>{@code
 * try (Transport t = ...) {
 *     t.subscribe("/odom", "nav_msgs/Odometry", m -> store.put(m));
 *     t.publish("/cmd_vel", "geometry_msgs/Twist", Map.of("linear", Map.of("x", 0.2)));
 * }
 * }</pre>
 */
public interface Transport extends AutoCloseable {
    /** Where this transport is connected, for messages and logs, e.g. {@code mqtt://localhost:1883}. */
    String endpoint();

    /**
     * Sends one message. Returns once the transport has taken it (queued or written), not when a
     * device has acted on it: confirmation comes from the device's state.
     *
     * @throws TransportException if the message cannot be encoded or the link is down and not buffering
     */
    void publish(String topic, String type, Map<String, ?> fields);

    /** Delivers every message on {@code topic} (MQTT wildcards allowed on MQTT) to {@code handler}. */
    Subscription subscribe(String topic, String type, MessageHandler handler);

    /**
     * Calls a request/response service (a ROS service; an MQTT request/response exchange) and waits.
     *
     * @throws TransportException if there is no such service, it fails, or no answer comes in {@code timeout}
     */
    default Map<String, Object> call(String service, String type, Map<String, ?> request, Duration timeout) {
        throw new TransportException(endpoint() + " does not offer services (asked for " + service + ")");
    }

    @Override
    void close();
}
