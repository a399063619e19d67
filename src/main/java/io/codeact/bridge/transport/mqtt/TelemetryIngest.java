package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.TransportMessage;
import io.codeact.bridge.transport.mqtt.internal.TopicFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads telemetry into a {@link TelemetrySink}, checking it against declared topics and field types.
 *
 * <p>Subscribes to the {@code listen} filters (JSON). A message whose topic matches no declared topic is
 * reported as {@link MqttEvent.Problem#UNKNOWN_TOPIC}; one whose declared field has the wrong JSON type
 * as {@link MqttEvent.Problem#WRONG_TYPE}, naming the field, the type and the value. Malformed JSON and
 * oversize payloads are reported by the transport. A rejected message never reaches the sink, so the sink
 * keeps the last good value; nothing stops the subscription. Declared fields may be absent (partial
 * updates); undeclared fields pass through.
 *
 * <pre>{@code
 * LatestValues latest = new LatestValues();
 * TelemetryIngest ingest = TelemetryIngest.start(mqtt, b -> b.listen("codeact/#")
 *         .topic("codeact/+/base/state", Map.of("x", FieldType.NUMBER, "y", FieldType.NUMBER))
 *         .sink(latest));
 * }</pre>
 */
public final class TelemetryIngest implements AutoCloseable {
    private final MqttTransport transport;
    private final List<Declared> declared;
    private final TelemetrySink sink;
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** Topic → its first matching declaration ({@link #NONE} if none): matching filters once per topic, not per message. */
    private final Map<String, Declared> byTopic = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Declared NONE = new Declared("", Map.of());
    /** Past this many distinct topics, new ones are matched per message instead of remembered. */
    private static final int MAX_REMEMBERED_TOPICS = 100_000;

    private TelemetryIngest(MqttTransport transport, Builder b) {
        this.transport = transport;
        this.declared = List.copyOf(b.declared);
        this.sink = b.sink;
        for (String filter : b.listen.isEmpty() ? declared.stream().map(Declared::filter).distinct().toList() : b.listen) {
            subscriptions.add(transport.subscribe(filter, "json", b.qos, this::onMessage));
        }
    }

    /** Subscribes as configured; fails fast on a bad filter or a missing sink. */
    public static TelemetryIngest start(MqttTransport transport, Consumer<Builder> configure) {
        Builder b = new Builder();
        configure.accept(b);
        Objects.requireNonNull(b.sink, "sink: give TelemetryIngest a sink, e.g. new LatestValues()");
        if (b.declared.isEmpty()) {
            throw new IllegalArgumentException("TelemetryIngest needs at least one declared topic(filter, fields)");
        }
        return new TelemetryIngest(transport, b);
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }

    private void onMessage(TransportMessage message) {
        Declared match = byTopic.get(message.topic());
        if (match == null) {
            match = NONE;
            for (Declared d : declared) {
                if (TopicFilter.matches(d.filter, message.topic())) {
                    match = d;
                    break;
                }
            }
            if (byTopic.size() < MAX_REMEMBERED_TOPICS) {
                byTopic.put(message.topic(), match);
            }
        }
        if (match == NONE) {
            transport.reportRejected(message.topic(), MqttEvent.Problem.UNKNOWN_TOPIC,
                    "no telemetry topic is declared for it (declared: " + declared.stream().map(Declared::filter).toList() + ")");
            return;
        }
        for (Map.Entry<String, FieldType> field : match.fields.entrySet()) {
            Object value = message.fields().get(field.getKey());
            if (value == null && !message.fields().containsKey(field.getKey())) {
                continue;
            }
            if (!field.getValue().accepts(value)) {
                transport.reportRejected(message.topic(), MqttEvent.Problem.WRONG_TYPE, "field \"" + field.getKey() + "\" should be "
                        + field.getValue().describe() + " (declared for " + match.filter + "), got " + FieldType.describeValue(value));
                return;
            }
        }
        sink.accept(message);
    }

    private record Declared(String filter, Map<String, FieldType> fields) {}

    /** What to listen to, what is expected there, and where it goes. */
    public static final class Builder {
        private final List<String> listen = new ArrayList<>();
        private final List<Declared> declared = new ArrayList<>();
        private TelemetrySink sink;
        private Qos qos = Qos.AT_MOST_ONCE;

        Builder() {}

        /** A filter to subscribe to; without any, the declared topics themselves are subscribed to. */
        public Builder listen(String filter) {
            listen.add(filter);
            return this;
        }

        /** A telemetry topic (filter) and the JSON types of its fields; the first matching declaration wins. */
        public Builder topic(String filter, Map<String, FieldType> fields) {
            String problem = TopicFilter.problemWithFilter(filter);
            if (problem != null) {
                throw new IllegalArgumentException("telemetry topic '" + filter + "': " + problem);
            }
            declared.add(new Declared(filter, new LinkedHashMap<>(fields)));
            return this;
        }

        public Builder sink(TelemetrySink value) {
            this.sink = value;
            return this;
        }

        /** Subscription QoS; 0 by default (the next sample replaces a lost one). */
        public Builder qos(Qos value) {
            this.qos = Objects.requireNonNull(value, "qos");
            return this;
        }
    }
}
