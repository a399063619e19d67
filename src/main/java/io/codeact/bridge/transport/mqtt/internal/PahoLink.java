package io.codeact.bridge.transport.mqtt.internal;

import io.codeact.bridge.transport.TransportException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What the MQTT 3.1.1 and MQTT 5 links share, whichever Paho client is underneath: the settings and
 * event sink, the closed flag, marking Paho's callback threads, when a refused publish is retried, how
 * unsubscribing and closing go (and which failures are only reported), and the error texts. The
 * subclasses only translate to and from their client's API.
 */
abstract sealed class PahoLink implements MqttLink permits PahoV3Link, PahoV5Link {
    // Paho's client reason codes; both clients use the same numbers.
    private static final int MAX_INFLIGHT = 32202;
    /** Paho gives even QoS 0 messages an id until they are written; a burst can use all 65535. */
    private static final int NO_MESSAGE_IDS = 32001;
    private static final int BUFFER_FULL = 32203;
    private static final ThreadLocal<Boolean> CALLBACK = ThreadLocal.withInitial(() -> false);

    final LinkSettings settings;
    final LinkEvents events;
    /** The protocol as error messages name it: {@code MQTT 3.1.1} or {@code MQTT 5}. */
    private final String protocol;
    volatile boolean closed;

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

    /** The first publish attempt's time, in {@link System#nanoTime()}, plus the connect timeout. */
    final long publishDeadline() {
        return System.nanoTime() + settings.connectTimeout().toNanos();
    }

    /**
     * Decides about a publish Paho refused with {@code reasonCode}: returns (after a short pause) when
     * the caller should try again, else throws.
     *
     * @throws OfflineBufferFullException when the offline buffer is full
     * @throws TransportException for any other refusal, or when back-pressure outlasts {@code deadline}
     */
    final void retryOrThrow(String topic, Exception e, int reasonCode, long deadline) {
        if ((reasonCode == MAX_INFLIGHT || reasonCode == NO_MESSAGE_IDS) && System.nanoTime() < deadline && !closed) {
            // The broker's receive maximum is reached, or Paho's queue holds 65535 unwritten messages:
            // wait for acknowledgements or writes to free a slot (back-pressure on the publisher).
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
            return;
        }
        if (reasonCode == BUFFER_FULL) {
            throw new OfflineBufferFullException(e.getMessage(), e);
        }
        throw new TransportException("cannot publish to " + topic + " on " + settings.serverUri() + ": " + e.getMessage(), e);
    }

    final TransportException clientFailed(Exception e) {
        return new TransportException("cannot create an " + protocol + " client for " + settings.serverUri() + ": " + e.getMessage(), e);
    }

    final TransportException connectFailed(Exception e) {
        String reason = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            reason = reason + ": " + cause.getMessage();
        }
        return new TransportException("cannot connect to the MQTT broker at " + settings.serverUri() + " (" + protocol + "): " + reason
                + ". Check that a broker runs there (start one with `codeact mqtt broker --port N`, or give no"
                + " broker URL to use the embedded one), and its TLS and credentials settings.", e);
    }

    final TransportException subscribeFailed(String filter, Exception e) {
        return new TransportException("cannot subscribe to " + filter + " on " + settings.serverUri() + ": " + e.getMessage(), e);
    }

    /** From Paho's callback: the connection dropped. Ignored once {@link #close} has begun. */
    final void lost(Throwable cause) {
        if (!closed) {
            events.lost(cause);
        }
    }

    /** From Paho's callback thread: a message arrived. */
    final void arrived(String topic, byte[] payload, int qos, boolean retained) {
        CALLBACK.set(true);
        events.message(topic, payload, qos, retained);
    }

    /** From Paho's callback thread: (re)connected. */
    final void connected(boolean reconnect) {
        CALLBACK.set(true);
        events.connected(reconnect, false);
    }
}
