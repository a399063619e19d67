package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.Publication;
import java.time.Duration;
import java.util.Map;

/**
 * A handle on a topic this node publishes, from {@link RosNode#advertise}. {@link #publish} serialises the
 * message once and queues it for every connected subscriber (dropping a slow subscriber's oldest message when
 * its queue is full); it never waits on the network. Messages published before a subscriber has connected are
 * not delivered to it, unless the topic is latched (then the last one is). Thread-safe.
 * <pre>{@code
 * RosPublisher cmd = node.advertise("/cmd_vel", "geometry_msgs/Twist");
 * cmd.awaitSubscribers(1, Duration.ofSeconds(2));
 * cmd.publish(Map.of("linear", Map.of("x", 0.2)));
 * }</pre>
 */
public final class RosPublisher implements AutoCloseable {
    private final RosNode node;
    private final Publication publication;
    private boolean closed;

    RosPublisher(RosNode node, Publication publication) {
        this.node = node;
        this.publication = publication;
    }

    /** The global topic name. */
    public String topic() {
        return publication.topic();
    }

    public MessageType type() {
        return publication.type();
    }

    public boolean latched() {
        return publication.options().latch();
    }

    /**
     * Sends one message (a field map as {@link MessageType} describes; missing fields are zero).
     *
     * @throws MessageValueException if a value does not fit its field
     * @throws IllegalStateException if this publisher or its node is closed
     */
    public void publish(Map<String, ?> message) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the publisher of " + topic() + " is closed; advertise the topic again");
            }
        }
        publication.publish(message);
    }

    /** Subscribers connected now. */
    public int subscriberCount() {
        return publication.subscriberCount();
    }

    /**
     * Waits until at least {@code count} subscribers are connected.
     *
     * @return false if {@code timeout} passed first
     */
    public boolean awaitSubscribers(int count, Duration timeout) throws InterruptedException {
        return publication.awaitSubscribers(count, timeout.toMillis());
    }

    /**
     * Waits until every message queued for the connected subscribers has been written to their sockets, e.g.
     * before closing a node that published once.
     *
     * @return false if {@code timeout} passed first
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        return publication.flush(timeout.toMillis());
    }

    /** Stops publishing through this handle; the topic is unregistered when its node's last handle closes. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        node.release(publication);
    }

    @Override
    public String toString() {
        return "publisher of " + topic() + " [" + type().name() + "] by " + node.name();
    }
}
