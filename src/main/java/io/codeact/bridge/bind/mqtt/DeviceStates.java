package io.codeact.bridge.bind.mqtt;

import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The latest payload of every state and availability topic of the discovered devices, subscribed up front
 * (retained states arrive at once), with the time it arrived; callers wait here for a state to reach a value.
 * Thread-safe: the transport's callback thread writes, code-action threads read and wait.
 */
final class DeviceStates implements AutoCloseable {
    /** One payload as received, and when ({@code nanos} of the states' clock). */
    record Seen(String text, long nanos) {}

    private final LongSupplier nanos;
    private final Map<String, Seen> latest = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    DeviceStates(MqttTransport transport, Iterable<DeviceProfile> profiles, LongSupplier nanos) {
        this.nanos = nanos;
        Set<String> topics = new LinkedHashSet<>();
        for (DeviceProfile p : profiles) {
            p.channels().values().forEach(c -> topics.add(c.topic()));
            if (p.availability() != null) {
                topics.add(p.availability().topic());
            }
        }
        for (String topic : topics) {
            subscriptions.add(transport.subscribe(topic, "raw", Qos.AT_LEAST_ONCE,
                    m -> put(m.topic(), new String((byte[]) m.fields().get("data"), StandardCharsets.UTF_8))));
        }
    }

    synchronized void put(String topic, String text) {
        latest.put(topic, new Seen(text, nanos.getAsLong()));
        notifyAll();
    }

    synchronized Seen latest(String topic) {
        return latest.get(topic);
    }

    long now() {
        return nanos.getAsLong();
    }

    /** Seconds since {@code seen} arrived, rounded to ms. */
    double ageSeconds(Seen seen) {
        return Math.round((nanos.getAsLong() - seen.nanos()) / 1e6) / 1000.0;
    }

    /**
     * Waits until the latest payload of {@code topic} satisfies {@code reached} (at once if it already does).
     *
     * @return the payload that did, or null when {@code deadlineNanos} passed first
     * @throws InterruptedException when the waiting thread is interrupted (the action's time limit)
     */
    synchronized Seen await(String topic, Predicate<String> reached, long deadlineNanos) throws InterruptedException {
        while (true) {
            Seen s = latest.get(topic);
            if (s != null && reached.test(s.text())) {
                return s;
            }
            long left = deadlineNanos - nanos.getAsLong();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(s -> {
            try {
                s.close();
            } catch (RuntimeException e) {
                // the transport is going away anyway
            }
        });
        subscriptions.clear();
    }
}
