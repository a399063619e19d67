package io.codeact.bridge.sim.node;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records what arrives (messages, events); tests await what they expect, with a generous bound. */
final class Inbox<T> {
    private final List<T> items = new ArrayList<>();

    synchronized void add(T item) {
        items.add(item);
        notifyAll();
    }

    synchronized List<T> all() {
        return List.copyOf(items);
    }

    synchronized T await(Predicate<T> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (T item : items) {
                if (match.test(item)) {
                    return item;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("waited " + timeout.toMillis() + " ms for " + what + "; got " + items.size() + ": "
                        + items.subList(Math.max(0, items.size() - 8), items.size()));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    /** Polls a condition on something not delivered as messages (the world's state), within a bound. */
    static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + timeout.toMillis() + " ms for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }
}
