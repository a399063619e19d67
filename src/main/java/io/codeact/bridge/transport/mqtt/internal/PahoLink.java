package io.codeact.bridge.transport.mqtt.internal;

import io.codeact.bridge.transport.TransportException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What the MQTT 3.1.1 and MQTT 5 links share, whichever Paho client is underneath: the settings and
 * event sink, the closed flag, marking Paho's callback threads, when a refused publish is retried (and
 * on which thread), how unsubscribing and closing go (and which failures are only reported), and the
 * error texts. The subclasses only translate to and from their client's API.
 *
 * <p><b>Publishing from a callback thread.</b> Paho frees an in-flight slot (the broker's receive maximum,
 * 10 on HiveMQ) when it has processed the PUBACK, and it does that on its callback thread. A handler that
 * publishes (a device echoing a command) and waits there for a slot would therefore wait for itself: the
 * link stalled for good once the broker's window filled, e.g. when a burst of resent commands arrived after
 * a broker restart. So a publish on a callback thread that Paho refuses for a transient reason (window
 * full, no message id, or the moment between losing the connection and starting to buffer) is queued and
 * sent, in order, by this link's own publisher thread; later publishes from callback threads queue behind
 * it until the queue is empty.
 */
abstract sealed class PahoLink implements MqttLink permits PahoV3Link, PahoV5Link {
    // Paho's client reason codes; both clients use the same numbers.
    private static final int MAX_INFLIGHT = 32202;
    /** Paho gives even QoS 0 messages an id until they are written; a burst can use all 65535. */
    private static final int NO_MESSAGE_IDS = 32001;
    private static final int BUFFER_FULL = 32203;
    /** Between losing the connection and Paho's reconnect mode (which buffers), a publish is refused with this. */
    private static final int NOT_CONNECTED = 32104;
    /** Our own refusal: {@link #WINDOW} publishes are outstanding. */
    private static final int WINDOW_FULL = -2;
    /** Publishes handed to Paho and not yet complete (written for QoS 0, acknowledged for QoS 1 and 2). */
    static final int WINDOW = 1000;
    private static final ThreadLocal<Boolean> CALLBACK = ThreadLocal.withInitial(() -> false);

    final LinkSettings settings;
    final LinkEvents events;
    /** The protocol as error messages name it: {@code MQTT 3.1.1} or {@code MQTT 5}. */
    private final String protocol;
    volatile boolean closed;
    /** Publishes from callback threads waiting for the publisher thread; guarded by itself. */
    private final ArrayDeque<Deferred> deferred = new ArrayDeque<>();
    private Thread publisher;
    private final AtomicInteger outstanding = new AtomicInteger();

    /** Sentinel for {@link #publishNow} refusals we make ourselves. */
    private static final class WindowFull extends Exception {
        private static final long serialVersionUID = 1L;
        private static final WindowFull INSTANCE = new WindowFull();

        private WindowFull() {
            super("publish window full", null, false, false);
        }
    }

    private record Deferred(String topic, byte[] payload, int qos, boolean retain) {}

    PahoLink(LinkSettings settings, LinkEvents events, String protocol) {
        this.settings = settings;
        this.events = events;
        this.protocol = protocol;
    }

    /** One call into the Paho client; throws only the client's {@code MqttException} or unchecked ones. */
    @FunctionalInterface
    private interface PahoCall {
        void run() throws Exception;
    }

    /** The Paho client object (for the reconnect watchdog). */
    abstract Object pahoClient();

    /** Hands one message to the Paho client once; throws its {@code MqttException} if refused. */
    abstract void publishNow(String topic, byte[] payload, int qos, boolean retain) throws Exception;

    /** The Paho reason code of an exception from {@link #publishNow}, or -1. */
    abstract int reasonCode(Exception e);

    /** Unsubscribes now; only called while connected. */
    abstract void unsubscribeNow(String filter) throws Exception;

    /** Sends DISCONNECT, letting in-flight work finish for {@code quiesceMillis}, and waits up to {@code waitMillis}. */
    abstract void disconnect(long quiesceMillis, long waitMillis) throws Exception;

    /** Drops the connection without a DISCONNECT packet. */
    abstract void disconnectForcibly(long quiesceMillis, long disconnectMillis) throws Exception;

    /** Releases the client's threads and resources. */
    abstract void closeClient() throws Exception;

    @Override
    public final void unsubscribe(String filter) {
        recording("unsubscribe from " + filter, () -> {
            if (isConnected()) {
                unsubscribeNow(filter);
            }
        });
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        recording("disconnect from " + settings.serverUri(), () -> {
            if (isConnected()) {
                disconnect(2000, 3000);
            } else {
                disconnectForcibly(0, 500);
            }
        });
        recording("close the client for " + settings.serverUri(), this::closeClient);
    }

    /** Runs {@code call}; a Paho failure is reported to the events as failing to {@code what}, unchecked ones pass. */
    private void recording(String what, PahoCall call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            events.failed(what, e);
        }
    }

    @Override
    public final boolean onCallbackThread() {
        return CALLBACK.get();
    }

    @Override
    public final void publish(String topic, byte[] payload, int qos, boolean retain) {
        if (onCallbackThread()) {
            synchronized (deferred) {
                if (!deferred.isEmpty()) {
                    defer(new Deferred(topic, payload, qos, retain));
                    return;
                }
            }
            try {
                publishWindowed(topic, payload, qos, retain);
                return;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                int code = code(e);
                if (!retryable(code) || closed) {
                    throw refused(topic, e, code);
                }
                synchronized (deferred) {
                    defer(new Deferred(topic, payload, qos, retain));
                }
                return;
            }
        }
        publishWaiting(topic, payload, qos, retain);
    }

    /** Publishes, waiting out transient refusals for up to the connect timeout. */
    private void publishWaiting(String topic, byte[] payload, int qos, boolean retain) {
        long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
        while (true) {
            try {
                publishWindowed(topic, payload, qos, retain);
                return;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                int code = code(e);
                if (code == WINDOW_FULL && System.nanoTime() >= deadline) {
                    // Paho took none of our last WINDOW publishes to completion for a whole connect timeout: give
                    // it the message anyway rather than fail (Paho's own limits still apply).
                    try {
                        publishNow(topic, payload, qos, retain);
                        outstanding.incrementAndGet();
                        return;
                    } catch (RuntimeException e2) {
                        throw e2;
                    } catch (Exception e2) {
                        throw refused(topic, e2, code(e2));
                    }
                }
                if (!retryable(code) || closed || System.nanoTime() >= deadline) {
                    throw refused(topic, e, code);
                }
                // The broker's receive maximum is reached, Paho's queue holds 65535 unwritten messages, or the
                // connection just dropped and Paho is not yet buffering: wait for acknowledgements, writes or
                // the reconnect mode (back-pressure on the publisher).
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(code == NOT_CONNECTED ? 1000 : 50));
            }
        }
    }

    private void publishWindowed(String topic, byte[] payload, int qos, boolean retain) throws Exception {
        if (outstanding.get() >= WINDOW && isConnected()) {
            throw WindowFull.INSTANCE;
        }
        publishNow(topic, payload, qos, retain);
        outstanding.incrementAndGet();
    }

    private int code(Exception e) {
        return e instanceof WindowFull ? WINDOW_FULL : reasonCode(e);
    }

    private static boolean retryable(int code) {
        return code == MAX_INFLIGHT || code == NO_MESSAGE_IDS || code == NOT_CONNECTED || code == WINDOW_FULL;
    }

    /** From Paho's callback: a publish is complete (written at QoS 0, acknowledged at QoS 1/2). */
    final void delivered() {
        outstanding.updateAndGet(n -> n > 0 ? n - 1 : 0);
    }

    private TransportException refused(String topic, Exception e, int code) {
        if (code == BUFFER_FULL) {
            return new OfflineBufferFullException(e.getMessage(), e);
        }
        return new TransportException("cannot publish to " + topic + " on " + settings.serverUri() + ": " + e.getMessage(), e);
    }

    /** Queues a callback thread's publish for the publisher thread; the caller holds {@code deferred}'s lock. */
    private void defer(Deferred d) {
        if (deferred.size() >= Math.max(1, settings.offlineBufferSize())) {
            throw new OfflineBufferFullException("cannot publish to " + d.topic() + " on " + settings.serverUri() + ": "
                    + deferred.size() + " messages published from MQTT handlers already wait for the broker to acknowledge"
                    + " earlier ones (offlineBufferSize " + settings.offlineBufferSize() + ")", null);
        }
        deferred.addLast(d);
        if (publisher == null) {
            publisher = Thread.ofPlatform().daemon().name("mqtt-publisher-" + settings.clientId()).start(this::drain);
        }
    }

    /** The publisher thread: sends the deferred publishes in order, then ends. */
    private void drain() {
        while (true) {
            Deferred d;
            synchronized (deferred) {
                d = deferred.peekFirst();
                if (d == null || closed) {
                    deferred.clear();
                    publisher = null;
                    return;
                }
            }
            try {
                publishWaiting(d.topic(), d.payload(), d.qos(), d.retain());
            } catch (RuntimeException e) {
                events.failed("publish to " + d.topic(), e);
            }
            synchronized (deferred) {
                deferred.pollFirst();
            }
        }
    }

    final TransportException clientFailed(Exception e) {
        return new TransportException("cannot create an " + protocol + " client for " + settings.serverUri() + ": " + e.getMessage(), e);
    }

    /**
     * Why the first connect failed, in words a user can act on: refused credentials (CONNACK 4/5 in MQTT 3.1.1,
     * 0x86/0x87 in MQTT 5), a failed TLS handshake, or anything else (no broker there, …).
     */
    final TransportException connectFailed(Exception e) {
        String url = userUrl(settings.serverUri());
        String reason = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            reason = reason + ": " + cause.getMessage();
        }
        int code = reasonCode(e);
        if (code == 4 || code == 5 || code == 0x86 || code == 0x87) {
            return new TransportException("the MQTT broker at " + url + " (" + protocol + ") refused the credentials (reason code " + code + ": "
                    + (reason == null ? "none given" : reason.replaceAll("\\.$", "")) + "). Check the username (" + (settings.username() == null ? "none given" : "'" + settings.username() + "'")
                    + ") and password" + (settings.password() == null ? " (none given)" : "")
                    + " against the broker's password file or user database, and that this user may connect.", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException tls) {
                return new TransportException("the TLS handshake with the MQTT broker at " + url + " (" + protocol + ") failed: "
                        + tls.getMessage() + ". Check that the broker's certificate is signed by a CA the client trusts (pass an"
                        + " SSLContext with that CA via sslContext(...), otherwise the JVM's default trust store is used), that"
                        + " it names the host of the URL (subjectAltName), and that the port is the broker's TLS listener.", e);
            }
        }
        return new TransportException("cannot connect to the MQTT broker at " + url + " (" + protocol + "): " + reason
                + ". Check that a broker runs there (start one with `codeact mqtt broker --port N`, or give no"
                + " broker URL to use the embedded one), and its TLS and credentials settings.", e);
    }

    /** {@code mqtt://host:port} or {@code mqtts://host:port}, as the user wrote it, from Paho's form. */
    private static String userUrl(String serverUri) {
        return serverUri.startsWith("ssl://") ? "mqtts://" + serverUri.substring(6)
                : serverUri.startsWith("tcp://") ? "mqtt://" + serverUri.substring(6) : serverUri;
    }

    final TransportException subscribeFailed(String filter, Exception e) {
        return new TransportException("cannot subscribe to " + filter + " on " + settings.serverUri() + ": " + e.getMessage(), e);
    }

    /** From Paho's callback: the connection dropped. Ignored once {@link #close} has begun. */
    final void lost(Throwable cause) {
        if (!closed) {
            events.lost(cause);
            watchReconnect();
        }
    }

    private Thread watchdog;

    /** Starts the reconnect watchdog (see the class comment) unless it runs; it ends once connected or closed. */
    private synchronized void watchReconnect() {
        if (watchdog != null && watchdog.isAlive()) {
            return;
        }
        watchdog = Thread.ofPlatform().daemon().name("mqtt-reconnect-watch-" + settings.clientId()).start(() -> {
            String connectThread = "MQTT Con: " + settings.clientId();
            int stuck = 0;
            while (!closed) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
                if (closed || isConnected()) {
                    return;
                }
                stuck = waitingForSender(connectThread) ? stuck + 1 : 0;
                if (stuck >= 5 && restartStoppedSender()) {
                    events.failed("reconnect by itself", new TransportException("Paho's sender thread stopped before the CONNECT"
                            + " was sent (a Paho 1.2.5 race that hangs the reconnect for good); it was started again"));
                    stuck = 0;
                }
            }
        });
    }

    /** Whether Paho's connect thread is polling for its sender to run. */
    private static boolean waitingForSender(String connectThread) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (connectThread.equals(t.getName())) {
                for (StackTraceElement f : t.getStackTrace()) {
                    if (f.getClassName().endsWith(".CommsSender") && f.getMethodName().equals("start")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Starts Paho's current sender if it is stopped, after dropping what was queued for the old connection;
     * false if it runs or Paho's internals are not as expected.
     */
    private boolean restartStoppedSender() {
        try {
            Object comms = field(pahoClient(), "comms");
            Object sender = field(comms, "sender");
            if (sender == null || (boolean) sender.getClass().getMethod("isRunning").invoke(sender)) {
                return false;
            }
            // What keeps killing the sender: packets queued after Paho cleared its queues on the disconnect (the
            // callback thread acknowledging messages that arrived just before it). A sender that finds any of
            // them while not connected stops at once. Dropping them is what Paho's own disconnect does: the
            // broker resends unacknowledged QoS 1/2 messages of a kept session, and Paho re-queues our own
            // unacknowledged publishes from its session state on the next CONNACK.
            Object state = field(comms, "clientState");
            synchronized (field(state, "queueLock")) {
                ((java.util.List<?>) field(state, "pendingFlows")).removeIf(m -> !m.getClass().getSimpleName().equals("MqttConnect"));
                ((java.util.List<?>) field(state, "pendingMessages")).clear();
            }
            Object executor = field(comms, "executorService");
            java.lang.reflect.Method start = sender.getClass().getMethod("start", String.class, java.util.concurrent.ExecutorService.class);
            // start() polls until the sender runs; on its own thread, so this watchdog never hangs with it.
            Thread.ofPlatform().daemon().name("mqtt-sender-restart-" + settings.clientId()).start(() -> {
                try {
                    start.invoke(sender, "MQTT Snd: " + settings.clientId(), executor);
                } catch (ReflectiveOperationException e) {
                    events.failed("restart Paho's stopped sender thread", e);
                }
            });
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            events.failed("restart Paho's stopped sender thread", e);
            return false;
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }

    /** From Paho's callback thread: a message arrived. */
    final void arrived(String topic, byte[] payload, int qos, boolean retained) {
        CALLBACK.set(true);
        events.message(topic, payload, qos, retained);
    }

    /** From Paho's callback thread: (re)connected. */
    final void connected(boolean reconnect) {
        CALLBACK.set(true);
        outstanding.set(0);
        events.connected(reconnect, false);
    }
}
