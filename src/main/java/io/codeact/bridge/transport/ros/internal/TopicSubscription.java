package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.MessageDefinitionException;
import io.codeact.bridge.transport.ros.MessageRegistry;
import io.codeact.bridge.transport.ros.MessageType;
import io.codeact.bridge.transport.ros.ProblemListener;
import io.codeact.bridge.transport.ros.TopicListener;
import io.codeact.bridge.transport.ros.TypeMismatchException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One topic this node subscribes to: a connection per publisher the master lists (kept in step by
 * {@link #updatePublishers}, which {@code publisherUpdate} calls), and the listeners messages go to. A
 * subscription made without a type ("any") learns it from the first publisher's header, as {@code rostopic
 * echo} does, using the publisher's {@code message_definition} when the registry does not know the type.
 * Thread-safe.
 */
public final class TopicSubscription {
    private static final Logger log = LoggerFactory.getLogger(TopicSubscription.class);

    private final String topic;
    private final MessageRegistry registry;
    private final String callerId;
    private final boolean tcpNoDelay;
    private final ProblemListener problems;
    private final List<TopicListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, IncomingConnection> connections = new LinkedHashMap<>();
    private final Object deliveryLock = new Object();
    private volatile MessageType type;
    private boolean closed;

    /**
     * @param type the message type, or null to accept any type and learn it from the publisher
     */
    public TopicSubscription(String topic, MessageType type, MessageRegistry registry, String callerId, boolean tcpNoDelay,
            ProblemListener problems) {
        this.topic = topic;
        this.type = type;
        this.registry = registry;
        this.callerId = callerId;
        this.tcpNoDelay = tcpNoDelay;
        this.problems = problems;
    }

    public String topic() {
        return topic;
    }

    /** The message type: as given, or learned from a publisher (null until then for an "any" subscription). */
    public MessageType type() {
        return type;
    }

    String callerId() {
        return callerId;
    }

    boolean tcpNoDelay() {
        return tcpNoDelay;
    }

    public void addListener(TopicListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener; returns how many are left. */
    public int removeListener(TopicListener listener) {
        listeners.remove(listener);
        return listeners.size();
    }

    /** The header we send each publisher. */
    Map<String, String> header() {
        MessageType t = type;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("callerid", callerId);
        h.put("topic", topic);
        h.put("md5sum", t == null ? "*" : t.md5());
        h.put("type", t == null ? "*" : t.name());
        h.put("tcp_nodelay", tcpNoDelay ? "1" : "0");
        if (t != null) {
            h.put("message_definition", t.definition());
        }
        return h;
    }

    /** Checks a publisher's header against our type, or learns the type from it. */
    synchronized void accept(Map<String, String> header, String from) {
        String peerType = ConnectionHeader.require(header, "type", from);
        String peerMd5 = ConnectionHeader.require(header, "md5sum", from);
        if (type != null) {
            if (!type.md5().equals(peerMd5)) {
                throw new TypeMismatchException(topic + " (" + from + ")", type.name(), type.md5(), peerType, peerMd5);
            }
            return;
        }
        MessageType learned = registry.findMessage(peerType).orElse(null);
        if (learned == null && header.containsKey("message_definition")) {
            learned = registry.addMessageDefinition(peerType, header.get("message_definition"));
        }
        if (learned == null) {
            throw new MessageDefinitionException("cannot read " + topic + " from " + from
                    + ": its type " + peerType + " is unknown here and the publisher sent no message_definition");
        }
        if (!learned.md5().equals(peerMd5)) {
            throw new TypeMismatchException(topic + " (" + from + ")", learned.name(), learned.md5(), peerType, peerMd5);
        }
        type = learned;
    }

    /** The MD5 sum of {@code type} if the registry knows it, else {@code "unknown"}. */
    String knownMd5(String typeName) {
        try {
            return registry.findMessage(typeName).map(MessageType::md5).orElse("unknown");
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    void deliver(Map<String, Object> message) {
        synchronized (deliveryLock) {
            for (TopicListener listener : listeners) {
                try {
                    listener.onMessage(message);
                } catch (RuntimeException e) {
                    problems.onProblem(new IllegalStateException("listener of " + topic + " failed: " + e, e));
                }
            }
        }
    }

    void problem(RuntimeException e) {
        problems.onProblem(e);
    }

    void debug(String text) {
        log.debug(text);
    }

    synchronized void connectionChanged() {
        notifyAll();
    }

    /** Connects to publishers newly listed and drops those no longer listed. */
    public void updatePublishers(List<String> uris) {
        List<IncomingConnection> toClose = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            Set<String> wanted = new HashSet<>(uris);
            connections.entrySet().removeIf(e -> {
                if (!wanted.contains(e.getKey())) {
                    toClose.add(e.getValue());
                    return true;
                }
                return false;
            });
            for (String uri : uris) {
                if (!connections.containsKey(uri)) {
                    IncomingConnection c = new IncomingConnection(this, uri);
                    connections.put(uri, c);
                    c.start();
                }
            }
            notifyAll();
        }
        toClose.forEach(IncomingConnection::close);
    }

    /** Publishers the master lists for this topic. */
    public synchronized List<String> publisherUris() {
        return List.copyOf(connections.keySet());
    }

    /** Publishers with a live connection. */
    public synchronized int connectedCount() {
        return (int) connections.values().stream().filter(IncomingConnection::connected).count();
    }

    /** Waits until at least {@code count} publishers are connected; false if {@code timeoutMs} passes first. */
    public synchronized boolean awaitConnected(int count, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (connectedCount() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        return true;
    }

    /** getBusInfo rows: [id, publisher URI, "i", "TCPROS", topic, connected, info]. */
    public synchronized List<List<Object>> busInfo() {
        List<List<Object>> rows = new ArrayList<>();
        for (IncomingConnection c : connections.values()) {
            rows.add(List.of(c.id(), c.publisherUri(), "i", "TCPROS", topic, c.connected(),
                    "TCPROS connection to [" + c.publisherUri() + "]"));
        }
        return rows;
    }

    /** getBusStats subscribe row: [topic, [[id, bytes, messages, drop estimate -1, connected]...]]. */
    public synchronized List<Object> busStats() {
        List<Object> rows = new ArrayList<>();
        for (IncomingConnection c : connections.values()) {
            long[] s = c.stats();
            rows.add(List.of(c.id(), (int) Math.min(s[0], Integer.MAX_VALUE), (int) Math.min(s[1], Integer.MAX_VALUE), -1,
                    c.connected()));
        }
        return List.of(topic, rows);
    }

    public void close() {
        List<IncomingConnection> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(connections.values());
            connections.clear();
            notifyAll();
        }
        all.forEach(IncomingConnection::close);
    }
}
