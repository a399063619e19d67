package io.codeact.bridge.transport.mqtt;

import static org.assertj.core.api.Assertions.fail;

import io.codeact.bridge.transport.MessageHandler;
import io.codeact.bridge.transport.TransportMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records messages and events; tests await what they expect, with a bound, instead of sleeping. */
final class Recorder<T> {
    private final List<T> items = new ArrayList<>();

    static Recorder<TransportMessage> messages() {
        return new Recorder<>();
    }

    static Recorder<MqttEvent> events() {
        return new Recorder<>();
    }

    synchronized void add(T item) {
        items.add(item);
        notifyAll();
    }

    MessageHandler handler() {
        return m -> add(cast(m));
    }

    MqttEventListener listener() {
        return e -> add(cast(e));
    }

    @SuppressWarnings("unchecked")
    private T cast(Object o) {
        return (T) o;
    }

    synchronized List<T> all() {
        return List.copyOf(items);
    }

    /** Waits until at least {@code n} items are recorded; fails after {@code timeout}. */
    synchronized List<T> awaitCount(int n, Duration timeout) {
        return awaitAll(list -> list.size() >= n, timeout, "at least " + n + " items");
    }

    /** Waits until one item matches; returns it. */
    synchronized T await(Predicate<T> match, Duration timeout, String what) {
        awaitAll(list -> list.stream().anyMatch(match), timeout, what);
        return items.stream().filter(match).findFirst().orElseThrow();
    }

    synchronized List<T> awaitAll(Predicate<List<T>> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(items)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("waited " + timeout.toMillis() + " ms for " + what + "; got " + items.size() + ": " + preview());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
        return List.copyOf(items);
    }

    private String preview() {
        List<String> text = new ArrayList<>();
        for (T item : items.subList(Math.max(0, items.size() - 10), items.size())) {
            text.add(String.valueOf(item));
        }
        return text.toString();
    }
}
