package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.Subscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every {@link MqttEvent} and passes it to the listeners. Rejected messages are logged the first
 * few times per topic and problem, then every thousandth time with a count, so a flood of bad
 * telemetry cannot flood the log; listeners see every one.
 */
final class EventReporter {
    private static final Logger LOG = LoggerFactory.getLogger(MqttTransport.class);
    private static final int LOGGED_IN_FULL = 5;
    private static final int MAX_KEYS = 10_000;

    private final List<MqttEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> rejections = new ConcurrentHashMap<>();

    Subscription add(MqttEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void report(MqttEvent event) {
        switch (event) {
            case MqttEvent.Connected c -> LOG.info(c.message());
            case MqttEvent.MessageRejected r -> logRejection(r);
            default -> LOG.warn(event.message());
        }
        for (MqttEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("an MQTT event listener failed on: " + event.message(), e);
            }
        }
    }

    private void logRejection(MqttEvent.MessageRejected r) {
        if (rejections.size() > MAX_KEYS) {
            rejections.clear();
        }
        long n = rejections.computeIfAbsent(r.topic() + '\u0000' + r.problem(), k -> new AtomicLong()).incrementAndGet();
        if (n <= LOGGED_IN_FULL) {
            LOG.warn(r.message());
        } else if (n % 1000 == 0) {
            LOG.warn("{} ({} such messages on this topic so far; logging every 1000th)", r.message(), n);
        }
    }
}
