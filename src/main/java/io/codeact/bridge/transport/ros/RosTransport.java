package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.MessageHandler;
import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.Transport;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.TransportMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Transport} over a ROS 1 graph: topics and services by name with ROS type names
 * ({@code geometry_msgs/Twist}, {@code std_srvs/Trigger}) looked up in the node's {@link MessageRegistry}.
 * A topic is advertised on its first {@link #publish} and stays advertised until {@link #close()}; as in
 * ROS, a message published before a subscriber has connected is not delivered to it. Errors arrive as
 * {@link TransportException}s: {@link MasterException}, {@link ServiceException}, or a TransportException
 * wrapping an unknown type or a value that does not fit. Thread-safe.
 * <pre>{@code
 * try (Transport ros = RosTransport.start(RosNode.builder("/codeact_bridge"))) {
 *     ros.subscribe("/odom", "nav_msgs/Odometry", m -> telemetry.put(m));
 *     ros.publish("/cmd_vel", "geometry_msgs/Twist", Map.of("linear", Map.of("x", 0.2)));
 * }
 * }</pre>
 */
public final class RosTransport implements Transport {
    private final RosNode node;
    private final boolean ownsNode;
    private final Map<String, RosPublisher> publishers = new HashMap<>();

    private RosTransport(RosNode node, boolean ownsNode) {
        this.node = node;
        this.ownsNode = ownsNode;
    }

    /** A transport that starts its own node; closing the transport closes the node. */
    public static RosTransport start(RosNode.Builder node) {
        return new RosTransport(node.start(), true);
    }

    /** A transport over a node the caller keeps (and closes). */
    public static RosTransport over(RosNode node) {
        return new RosTransport(node, false);
    }

    public RosNode node() {
        return node;
    }

    /** {@code ros://host:port/ as /node}: the master and the node name. */
    @Override
    public String endpoint() {
        return node.masterUri().replaceFirst("^http", "ros") + " as " + node.name();
    }

    @Override
    public void publish(String topic, String type, Map<String, ?> fields) {
        RosPublisher publisher;
        synchronized (publishers) {
            String resolved = resolve(topic);
            publisher = publishers.get(resolved);
            if (publisher != null && !publisher.type().name().equals(type)) {
                throw new TransportException("cannot publish " + type + " on " + resolved + ": this transport already publishes "
                        + publisher.type().name() + " there (one type per topic)");
            }
            if (publisher == null) {
                publisher = node.advertise(resolved, messageType(type, topic), PublisherOptions.DEFAULT);
                publishers.put(resolved, publisher);
            }
        }
        try {
            publisher.publish(fields);
        } catch (MessageValueException e) {
            throw new TransportException("cannot publish on " + publisher.topic() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Subscription subscribe(String topic, String type, MessageHandler handler) {
        MessageType messageType = messageType(type, topic);
        String resolved = resolve(topic);
        RosSubscriber subscriber = node.subscribe(resolved, messageType,
                message -> handler.onMessage(new TransportMessage(resolved, type, message, Instant.now())));
        return subscriber::close;
    }

    @Override
    public Map<String, Object> call(String service, String type, Map<String, ?> request, Duration timeout) {
        ServiceType serviceType;
        try {
            serviceType = node.types().service(type);
        } catch (MessageDefinitionException e) {
            throw new TransportException("cannot call " + service + ": " + e.getMessage(), e);
        }
        try (RosServiceClient client = node.serviceClient(service, serviceType, false)) {
            return client.call(request, timeout);
        } catch (MessageValueException | TypeMismatchException e) {
            throw new TransportException("cannot call " + service + ": " + e.getMessage(), e);
        }
    }

    private String resolve(String topic) {
        try {
            return node.resolve(topic);
        } catch (IllegalArgumentException e) {
            throw new TransportException(e.getMessage(), e);
        }
    }

    private MessageType messageType(String type, String topic) {
        try {
            return node.types().message(type);
        } catch (MessageDefinitionException e) {
            throw new TransportException("cannot use " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Closes the publishers this transport opened, and the node if the transport started it. */
    @Override
    public void close() {
        synchronized (publishers) {
            publishers.values().forEach(RosPublisher::close);
            publishers.clear();
        }
        if (ownsNode) {
            node.close();
        }
    }
}
