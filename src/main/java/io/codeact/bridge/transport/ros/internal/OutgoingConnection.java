package io.codeact.bridge.transport.ros.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One subscriber's connection to a publication: a bounded queue of framed messages (the oldest is dropped
 * when it is full) drained by a writer thread, and a watcher that notices when the subscriber hangs up
 * (subscribers send nothing after their header, so a read returning end-of-stream means they left).
 */
final class OutgoingConnection {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final int id = IDS.incrementAndGet();
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String subscriber;
    private final int capacity;
    private final ArrayDeque<byte[]> queue;
    private final Consumer<OutgoingConnection> onClosed;
    private long dropped;
    private long messagesSent;
    private long bytesSent;
    private boolean closed;
    private boolean writing;

    OutgoingConnection(Socket socket, InputStream in, String subscriber, int capacity, Consumer<OutgoingConnection> onClosed)
            throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.subscriber = subscriber;
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 64));
        this.onClosed = onClosed;
    }

    void start(String topic) {
        Thread writer = new Thread(this::writeLoop, "tcpros out " + topic + " → " + subscriber);
        writer.setDaemon(true);
        writer.start();
        Thread.ofVirtual().name("tcpros watch " + topic + " → " + subscriber).start(this::watch);
    }

    int id() {
        return id;
    }

    String subscriber() {
        return subscriber;
    }

    /** Queues a frame; drops the oldest queued one when full. Never blocks on the network. */
    synchronized void offer(byte[] frame) {
        if (closed) {
            return;
        }
        if (queue.size() >= capacity) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(frame);
        notifyAll();
    }

    private void writeLoop() {
        try {
            while (true) {
                byte[] frame;
                synchronized (this) {
                    while (queue.isEmpty() && !closed) {
                        writing = false;
                        notifyAll();
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                    frame = queue.pollFirst();
                    writing = true;
                }
                out.write(frame);
                boolean more;
                synchronized (this) {
                    messagesSent++;
                    bytesSent += frame.length;
                    more = !queue.isEmpty();
                }
                if (!more) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the subscriber went away: the normal end of a connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private void watch() {
        try {
            while (in.read() >= 0) {
                // subscribers have nothing to say after their header; ignore anything they send
            }
        } catch (IOException e) {
            // reset by peer or closed by us: either way the connection is over
        } finally {
            close();
        }
    }

    /** Waits until everything queued has been written to the socket; false if the deadline passes first. */
    synchronized boolean awaitDrained(long deadlineNanos) throws InterruptedException {
        while ((writing || !queue.isEmpty()) && !closed) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        return true;
    }

    synchronized long[] stats() {
        return new long[] {bytesSent, messagesSent, dropped};
    }

    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            notifyAll();
        }
        TcprosServer.closeQuietly(socket);
        onClosed.accept(this);
    }

    String info() {
        return "TCPROS connection on port " + socket.getLocalPort() + " to [" + socket.getRemoteSocketAddress() + "]";
    }
}
