package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.MessageType;
import io.codeact.bridge.transport.ros.ProblemListener;
import io.codeact.bridge.transport.ros.PublisherOptions;
import io.codeact.bridge.transport.ros.TypeMismatchException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One topic this node publishes: its subscriber connections, the latched last message, and statistics.
 * {@link #publish} serialises once and queues the frame on every connection; it never blocks on the network.
 * Thread-safe.
 */
public final class Publication {
    private final String topic;
    private final MessageType type;
    private final PublisherOptions options;
    private final String callerId;
    private final ProblemListener problems;
    private final List<OutgoingConnection> connections = new CopyOnWriteArrayList<>();
    private byte[] latched;
    private long bytes;
    private boolean closed;

    public Publication(String topic, MessageType type, PublisherOptions options, String callerId, ProblemListener problems) {
        this.topic = topic;
        this.type = type;
        this.options = options;
        this.callerId = callerId;
        this.problems = problems;
    }

    public String topic() {
        return topic;
    }

    public MessageType type() {
        return type;
    }

    public PublisherOptions options() {
        return options;
    }

    /**
     * Serialises and sends {@code message} to every connected subscriber.
     *
     * @throws io.codeact.bridge.transport.ros.MessageValueException if a value does not fit the type
     * @throws IllegalStateException if the publication is closed
     */
    public void publish(Map<String, ?> message) {
        byte[] frame = Frames.frame(type.serialize(message));
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the publisher of " + topic + " is closed; advertise the topic again");
            }
            if (options.latch()) {
                latched = frame;
            }
            bytes += frame.length - 4;
            for (OutgoingConnection c : connections) {
                c.offer(frame);
            }
        }
    }

    /** Takes a subscriber's connection whose header named this topic: checks the type, answers, starts sending. */
    public void accept(Socket socket, InputStream in, Map<String, String> header) throws IOException {
        String subscriber = header.getOrDefault("callerid", String.valueOf(socket.getRemoteSocketAddress()));
        String md5 = ConnectionHeader.require(header, "md5sum", "subscriber " + subscriber + " of " + topic);
        try {
            type.requireCompatible(topic, header.getOrDefault("type", "?"), md5);
        } catch (TypeMismatchException e) {
            problems.onProblem(new TypeMismatchException(topic + " (subscriber " + subscriber + ")", type.name(), type.md5(),
                    e.peerType(), e.peerMd5()));
            TcprosServer.refuse(socket, e.getMessage());
            return;
        }
        if ("1".equals(header.get("tcp_nodelay"))) {
            socket.setTcpNoDelay(true);
        }
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("callerid", callerId);
        reply.put("md5sum", type.md5());
        reply.put("type", type.name());
        reply.put("latching", options.latch() ? "1" : "0");
        reply.put("message_definition", type.definition());
        reply.put("topic", topic);
        socket.getOutputStream().write(ConnectionHeader.encode(reply));
        socket.getOutputStream().flush();
        OutgoingConnection connection = new OutgoingConnection(socket, in, subscriber, options.queueSize(), this::removed);
        synchronized (this) {
            if (closed) {
                TcprosServer.closeQuietly(socket);
                return;
            }
            if (latched != null) {
                connection.offer(latched);
            }
            connections.add(connection);
            notifyAll();
        }
        connection.start(topic);
    }

    private synchronized void removed(OutgoingConnection connection) {
        connections.remove(connection);
        notifyAll();
    }

    public int subscriberCount() {
        return connections.size();
    }

    /** Waits until at least {@code count} subscribers are connected; false if {@code timeoutMs} passes first. */
    public synchronized boolean awaitSubscribers(int count, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (connections.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        return true;
    }

    /** Waits until every connection has written what is queued for it; false if {@code timeoutMs} passes first. */
    public boolean flush(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        for (OutgoingConnection c : connections) {
            if (!c.awaitDrained(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** getBusInfo rows: [id, subscriber, "o", "TCPROS", topic, connected, info]. */
    public List<List<Object>> busInfo() {
        List<List<Object>> rows = new ArrayList<>();
        for (OutgoingConnection c : connections) {
            rows.add(List.of(c.id(), c.subscriber(), "o", "TCPROS", topic, true, c.info()));
        }
        return rows;
    }

    /** getBusStats publish row: [topic, bytes sent, [[id, bytes, messages, connected]...]]. */
    public synchronized List<Object> busStats() {
        List<Object> perConnection = new ArrayList<>();
        for (OutgoingConnection c : connections) {
            long[] s = c.stats();
            perConnection.add(List.of(c.id(), (int) Math.min(s[0], Integer.MAX_VALUE), (int) Math.min(s[1], Integer.MAX_VALUE), true));
        }
        return List.of(topic, (int) Math.min(bytes, Integer.MAX_VALUE), perConnection);
    }

    /** Closes every subscriber connection. */
    public void close() {
        synchronized (this) {
            closed = true;
            latched = null;
            notifyAll();
        }
        for (OutgoingConnection c : connections) {
            c.close();
        }
    }
}
