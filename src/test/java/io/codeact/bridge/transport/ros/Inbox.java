package io.codeact.bridge.transport.ros;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@link TopicListener} that queues messages for a test to await. */
final class Inbox implements TopicListener {
    private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(Map<String, Object> message) {
        messages.add(message);
    }

    Map<String, Object> next(Duration timeout) throws InterruptedException {
        Map<String, Object> m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            fail("no message within " + timeout);
        }
        return m;
    }

    /** Skips messages until one matches (for publishers that repeat), within {@code timeout} in all. */
    Map<String, Object> first(Predicate<Map<String, Object>> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Map<String, Object> m = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
            if (m == null) {
                fail("no matching message within " + timeout);
            }
            if (test.test(m)) {
                return m;
            }
        }
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }
}
