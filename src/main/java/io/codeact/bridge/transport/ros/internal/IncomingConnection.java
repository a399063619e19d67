package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.MalformedMessageException;
import io.codeact.bridge.transport.ros.MessageDefinitionException;
import io.codeact.bridge.transport.ros.MessageType;
import io.codeact.bridge.transport.ros.RosProtocolException;
import io.codeact.bridge.transport.ros.TypeMismatchException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our subscription's link to one publisher node: asks the node for a TCPROS endpoint ({@code requestTopic}),
 * connects, exchanges connection headers, then reads and delivers messages until the connection ends. While
 * the publisher is still listed for the topic a lost connection is retried with a growing pause (0.1 s to
 * 2 s); a type mismatch or an {@code error=} answer is final for this publisher. Runs on its own thread.
 */
final class IncomingConnection {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Pattern THEIR_MISMATCH = Pattern.compile(
            "datatype/md5sum \\[(.+)/([0-9a-f*]+)\\], but our version has \\[(.+)/([0-9a-f]+)\\]");
    private static final Pattern THEIR_TYPE_MISMATCH = Pattern.compile("topic types do not match: \\[(.+)\\] vs\\. \\[(.+)\\]");
    private static final Pattern OUR_MISMATCH = Pattern.compile(
            "we have (\\S+) \\(md5 ([0-9a-f]+)\\), peer has (\\S*) \\(md5 ([0-9a-f*]+)\\)");
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final long FIRST_PAUSE_MS = 100;
    private static final long MAX_PAUSE_MS = 2_000;

    private final int id = IDS.incrementAndGet();
    private final TopicSubscription subscription;
    private final String publisherUri;
    private final Thread thread;
    private volatile Socket socket;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile String publisherId;
    private boolean refused;
    private long messages;
    private long bytes;

    IncomingConnection(TopicSubscription subscription, String publisherUri) {
        this.subscription = subscription;
        this.publisherUri = publisherUri;
        this.thread = new Thread(this::run, "tcpros in " + subscription.topic() + " ← " + publisherUri);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    int id() {
        return id;
    }

    String publisherUri() {
        return publisherUri;
    }

    boolean connected() {
        return connected;
    }

    synchronized long[] stats() {
        return new long[] {bytes, messages};
    }

    private void run() {
        long pause = FIRST_PAUSE_MS;
        boolean reported = false;
        while (!closed) {
            try {
                InputStream in = connect();
                pause = FIRST_PAUSE_MS;
                reported = false;
                receive(in);
                if (!closed) {
                    subscription.debug("publisher " + who() + " closed its connection on " + subscription.topic());
                }
            } catch (TypeMismatchException | MessageDefinitionException e) {
                if (!closed) {
                    subscription.problem(e);
                }
                return; // final for this publisher: retrying cannot fix a type disagreement
            } catch (RosProtocolException e) {
                if (refused) {
                    if (!closed) {
                        subscription.problem(e);
                    }
                    return; // the publisher said no (its error= header): asking again gets the same answer
                }
                if (!closed && !reported) {
                    subscription.problem(new RosProtocolException("subscriber of " + subscription.topic() + " lost publisher "
                            + who() + ": " + e.getMessage() + "; retrying while the master lists it", e));
                    reported = true;
                }
            } catch (IOException | RuntimeException e) {
                if (!closed && !reported) {
                    subscription.problem(new RosProtocolException("subscriber of " + subscription.topic() + " lost publisher "
                            + who() + ": " + e.getMessage() + "; retrying while the master lists it", e));
                    reported = true;
                }
            } finally {
                connected = false;
                subscription.connectionChanged();
                Socket s = socket;
                if (s != null) {
                    TcprosServer.closeQuietly(s);
                }
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = Math.min(MAX_PAUSE_MS, pause * 2);
        }
    }

    private String who() {
        return publisherId == null ? publisherUri : publisherId + " (" + publisherUri + ")";
    }

    private InputStream connect() throws IOException {
        RosReply reply;
        try {
            reply = RosReply.of(new XmlRpcClient(publisherUri, Duration.ofSeconds(5))
                    .call("requestTopic", subscription.callerId(), subscription.topic(), List.of(List.of("TCPROS"))));
        } catch (XmlRpcException e) {
            throw new RosProtocolException("cannot ask publisher " + publisherUri + " for " + subscription.topic()
                    + " (requestTopic): " + e.getMessage(), e);
        }
        if (!reply.ok() || !(reply.value() instanceof List<?> protocol) || protocol.size() < 3
                || !"TCPROS".equals(protocol.get(0))) {
            throw new RosProtocolException("publisher " + publisherUri + " did not offer TCPROS for " + subscription.topic()
                    + ": " + reply.status() + " " + reply.value());
        }
        String host = String.valueOf(protocol.get(1));
        int port = ((Number) protocol.get(2)).intValue();
        Socket s = new Socket();
        socket = s;
        if (closed) {
            throw new IOException("closed");
        }
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        s.setTcpNoDelay(subscription.tcpNoDelay());
        s.getOutputStream().write(ConnectionHeader.encode(subscription.header()));
        s.getOutputStream().flush();
        InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
        String from = "publisher " + publisherUri + " of " + subscription.topic();
        s.setSoTimeout(CONNECT_TIMEOUT_MS * 2);
        Map<String, String> header = ConnectionHeader.read(in, from);
        s.setSoTimeout(0);
        if (header.containsKey("error")) {
            refused = true;
            TypeMismatchException mismatch = mismatchIn(header.get("error"));
            if (mismatch != null) {
                throw mismatch;
            }
            throw new RosProtocolException("publisher " + publisherUri + " refused our subscription to " + subscription.topic()
                    + ": " + header.get("error"));
        }
        publisherId = header.get("callerid");
        subscription.accept(header, "publisher " + who());
        connected = true;
        subscription.connectionChanged();
        return in;
    }

    private void receive(InputStream in) throws IOException {
        String what = "a message on " + subscription.topic() + " from " + who();
        while (!closed) {
            byte[] body = Frames.read(in, what);
            if (body == null) {
                return;
            }
            synchronized (this) {
                messages++;
                bytes += body.length;
            }
            MessageType type = subscription.type();
            Map<String, Object> message;
            try {
                message = type.deserialize(body);
            } catch (MalformedMessageException e) {
                subscription.problem(new RosProtocolException("dropped " + what + ": " + e.getMessage(), e));
                continue; // framing is intact, so the next message can still be read
            }
            subscription.deliver(message);
        }
    }

    /**
     * rospy and roscpp refuse a subscriber of another type with "Client [c] wants topic [t] to have
     * datatype/md5sum [ours/md5], but our version has [theirs/md5] ...", and our publishers with a
     * {@link TypeMismatchException} message; read either as a type mismatch.
     */
    private TypeMismatchException mismatchIn(String error) {
        String channel = subscription.topic() + " (publisher " + publisherUri + ")";
        Matcher m = THEIR_MISMATCH.matcher(error);
        if (m.find()) {
            return new TypeMismatchException(channel, m.group(1), m.group(2), m.group(3), m.group(4));
        }
        m = THEIR_TYPE_MISMATCH.matcher(error);
        if (m.find()) { // rospy names the types only; the registry may know the publisher's MD5
            MessageType ours = subscription.type();
            String theirMd5 = subscription.knownMd5(m.group(2));
            return new TypeMismatchException(channel, m.group(1), ours == null ? "*" : ours.md5(), m.group(2), theirMd5);
        }
        m = OUR_MISMATCH.matcher(error);
        if (m.find()) { // a publisher of ours: "we" there is the publisher
            return new TypeMismatchException(channel, m.group(3), m.group(4), m.group(1), m.group(2));
        }
        return null;
    }

    void close() {
        closed = true;
        thread.interrupt();
        Socket s = socket;
        if (s != null) {
            TcprosServer.closeQuietly(s);
        }
    }
}
