package io.codeact.bridge.tools.ros;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The latest message of each subscribed topic with when it arrived (on an injectable clock), and
 * short-lived watchers that see every message while a command runs. Thread-safe.
 */
final class LatestMessages {
    record Sample(Map<String, Object> message, long arrivedNanos) {}

    private final LongSupplier clock;
    private final Map<String, Sample> latest = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<Map<String, Object>>>> watchers = new ConcurrentHashMap<>();

    LatestMessages(LongSupplier clock) {
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    void put(String topic, Map<String, Object> message) {
        synchronized (this) {
            latest.put(topic, new Sample(message, clock.getAsLong()));
            notifyAll();
        }
        List<Consumer<Map<String, Object>>> ws = watchers.get(topic);
        if (ws != null) {
            ws.forEach(w -> w.accept(message));
        }
    }

    Sample latest(String topic) {
        return latest.get(topic);
    }

    /** The latest message, waiting up to {@code timeoutMs} of wall time for a first one; null if none came. */
    synchronized Sample await(String topic, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        Sample s;
        while ((s = latest.get(topic)) == null) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return s;
    }

    /** The next message that satisfies {@code test}, waiting up to {@code timeoutMs}; null if none came. */
    synchronized Sample awaitNext(String topic, java.util.function.Predicate<Map<String, Object>> test, long timeoutMs)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        Sample start = latest.get(topic);
        while (true) {
            Sample s = latest.get(topic);
            if (s != null && s != start && test.test(s.message())) {
                return s;
            }
            start = s;
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
    }

    /** Calls {@code watcher} with every message on {@code topic} until the returned handle is closed. */
    AutoCloseable watch(String topic, Consumer<Map<String, Object>> watcher) {
        watchers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(watcher);
        return () -> watchers.get(topic).remove(watcher);
    }
}
