package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.TransportMessage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The simplest {@link TelemetrySink}: the latest accepted message per topic. Thread-safe. */
public final class LatestValues implements TelemetrySink {
    private final Map<String, TransportMessage> latest = new ConcurrentHashMap<>();
    private final LongAdder accepted = new LongAdder();

    @Override
    public void accept(TransportMessage message) {
        latest.put(message.topic(), message);
        accepted.increment();
    }

    /** The last good message on {@code topic}, if any. */
    public Optional<TransportMessage> latest(String topic) {
        return Optional.ofNullable(latest.get(topic));
    }

    /** Topics with a value. */
    public int size() {
        return latest.size();
    }

    /** Messages accepted so far. */
    public long accepted() {
        return accepted.sum();
    }
}
