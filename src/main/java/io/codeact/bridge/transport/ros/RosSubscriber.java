package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.TopicSubscription;
import java.time.Duration;
import java.util.List;

/**
 * A handle on a subscription, from {@link RosNode#subscribe}. The node keeps one connection per publisher
 * and follows the master's publisher list: publishers that start later are connected to, lost connections
 * are retried while the master still lists the publisher. Thread-safe.
 * <pre>{@code
 * RosSubscriber odom = node.subscribe("/odom", "nav_msgs/Odometry", m -> store.put("/odom", m));
 * odom.awaitPublishers(1, Duration.ofSeconds(2));
 * }</pre>
 */
public final class RosSubscriber implements AutoCloseable {
    private final RosNode node;
    private final TopicSubscription subscription;
    private final TopicListener listener;
    private boolean closed;

    RosSubscriber(RosNode node, TopicSubscription subscription, TopicListener listener) {
        this.node = node;
        this.subscription = subscription;
        this.listener = listener;
    }

    /** The global topic name. */
    public String topic() {
        return subscription.topic();
    }

    /** The message type; for a subscription made without one, null until a publisher has told it. */
    public MessageType type() {
        return subscription.type();
    }

    /** The XML-RPC URIs of the publishers the master lists for the topic. */
    public List<String> publisherUris() {
        return subscription.publisherUris();
    }

    /** Publishers with a live TCPROS connection now. */
    public int connectedPublishers() {
        return subscription.connectedCount();
    }

    /**
     * Waits until at least {@code count} publishers are connected.
     *
     * @return false if {@code timeout} passed first
     */
    public boolean awaitPublishers(int count, Duration timeout) throws InterruptedException {
        return subscription.awaitConnected(count, timeout.toMillis());
    }

    /** Stops delivering to this handle's listener; the topic is unregistered when the node's last one closes. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        node.release(subscription, listener);
    }

    @Override
    public String toString() {
        return "subscriber of " + topic() + " by " + node.name();
    }
}
