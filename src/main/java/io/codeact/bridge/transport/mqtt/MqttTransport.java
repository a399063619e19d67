package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.MessageHandler;
import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.Transport;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.TransportMessage;
import io.codeact.bridge.transport.mqtt.internal.LinkEvents;
import io.codeact.bridge.transport.mqtt.internal.LinkSettings;
import io.codeact.bridge.transport.mqtt.internal.MqttLink;
import io.codeact.bridge.transport.mqtt.internal.OfflineBufferFullException;
import io.codeact.bridge.transport.mqtt.internal.PahoV3Link;
import io.codeact.bridge.transport.mqtt.internal.PahoV5Link;
import io.codeact.bridge.transport.mqtt.internal.Payloads;
import io.codeact.bridge.transport.mqtt.internal.TopicFilter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A {@link Transport} over MQTT, on Eclipse Paho (MQTT 5, or 3.1.1 for old brokers).
 *
 * <p>Payload types: {@code json} (a JSON object ⇄ the field map), {@code text} (UTF-8 under
 * {@code "text"}) and {@code raw} (bytes under {@code "data"}). Reconnects by itself, sends every
 * subscription again after a reconnect, and holds publishes in a bounded offline buffer while the link is
 * down; a publish that does not fit is refused with a {@link TransportException} and reported as an
 * {@link MqttEvent.OfflineBufferFull}. An incoming message that is too large or does not decode, or whose
 * handler throws, is reported as an {@link MqttEvent.MessageRejected} and logged; the subscription and the
 * transport go on.
 *
 * <p>With {@link MqttConfig#availability()}, the bridge publishes {@code online} to
 * {@code <prefix>/bridge/availability} (retained) on every connect, {@code offline} on {@link #close()},
 * and leaves {@code offline} as its last will for the broker to publish if the process dies.
 *
 * <p>Thread-safe. Handlers run on Paho's callback thread, one message at a time, and must not block.
 *
 * <pre>{@code
 * try (MqttTransport mqtt = MqttTransport.connect(c -> c.brokerUrl("mqtt://localhost:1883"))) {
 *     mqtt.subscribe("codeact/+/+/state", "json", m -> store.put(m.topic(), m.fields()));
 *     mqtt.publish("codeact/lamp1/light/cmd", "json", Map.of("cmd_id", "c1", "state", "ON"));
 * }
 * }</pre>
 */
public final class MqttTransport implements Transport {
    private static final byte[] ONLINE = "online".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.US_ASCII);
    /** Paho logs protocol chatter (every PUBCOMP) at INFO through java.util.logging; kept referenced so the level sticks. */
    private static final java.util.logging.Logger PAHO_LOG = quiet("org.eclipse.paho");

    private final MqttConfig config;
    private final EmbeddedBroker ownBroker;
    private final String endpoint;
    private final EventReporter events = new EventReporter();
    private final List<Sub> subs = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> brokerSubscriptions = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final MqttLink link;

    private MqttTransport(MqttConfig config, EmbeddedBroker ownBroker) {
        this.config = config;
        this.ownBroker = ownBroker;
        String url = ownBroker != null ? ownBroker.url() : config.brokerUrl();
        String serverUri = MqttConfig.serverUri(url);
        this.endpoint = (serverUri.startsWith("ssl://") ? "mqtts://" : "mqtt://") + serverUri.substring(6);
        events.add(config.listener());
        LinkSettings settings = new LinkSettings(serverUri, config.clientId(), config.cleanSession(), config.sessionExpiry(),
                config.username(), config.password(), serverUri.startsWith("ssl://") ? config.effectiveSslContext().getSocketFactory() : null,
                config.keepAlive(), config.connectTimeout(), config.maxReconnectDelay(), config.offlineBufferSize(),
                config.maxInflight(), config.availability() ? new LinkSettings.Will(config.availabilityTopic(), OFFLINE, 1, true) : null);
        LinkEvents callbacks = new Callbacks();
        this.link = config.protocol() == MqttProtocol.V5 ? new PahoV5Link(settings, callbacks) : new PahoV3Link(settings, callbacks);
    }

    /**
     * Connects with the given options and waits for the broker. Without a broker URL, starts an
     * {@link EmbeddedBroker} on a free loopback port and stops it on {@link #close()}.
     *
     * @throws TransportException if the broker cannot be reached; the message names it and what to check
     */
    public static MqttTransport connect(Consumer<MqttConfig.Builder> configure) {
        return connect(MqttConfig.build(configure));
    }

    /** As {@link #connect(Consumer)}, with a built configuration. */
    public static MqttTransport connect(MqttConfig config) {
        EmbeddedBroker broker = config.brokerUrl() == null ? EmbeddedBroker.start(0) : null;
        MqttTransport transport = new MqttTransport(config, broker);
        try {
            transport.link.connect();
        } catch (RuntimeException e) {
            transport.link.close();
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
        return transport;
    }

    /** {@code mqtt://host:port} or {@code mqtts://host:port}. */
    @Override
    public String endpoint() {
        return endpoint;
    }

    public MqttConfig config() {
        return config;
    }

    /** Whether the link to the broker is up right now. */
    public boolean isConnected() {
        return link.isConnected();
    }

    /** Publishes with the configured default QoS, not retained. */
    @Override
    public void publish(String topic, String type, Map<String, ?> fields) {
        publish(topic, type, fields, config.defaultQos(), false);
    }

    /**
     * Publishes one message. Returns once Paho has taken it (written, or buffered while offline).
     *
     * @throws TransportException if the topic or type is invalid, the fields do not encode, the transport
     *     is closed, or the link is down and the offline buffer is full
     */
    public void publish(String topic, String type, Map<String, ?> fields, Qos qos, boolean retain) {
        String problem = TopicFilter.problemWithTopic(topic);
        if (problem != null) {
            throw new TransportException("cannot publish to '" + topic + "' on " + endpoint + ": " + problem);
        }
        publishBytes(topic, Payloads.encode(topic, type, fields), qos, retain);
    }

    /** Publishes a payload as it is. @throws TransportException as {@link #publish(String, String, Map, Qos, boolean)} */
    public void publishBytes(String topic, byte[] payload, Qos qos, boolean retain) {
        if (closed.get()) {
            throw new TransportException("cannot publish to " + topic + ": the MQTT transport to " + endpoint + " is closed");
        }
        try {
            link.publish(topic, payload, qos.level(), retain);
        } catch (OfflineBufferFullException e) {
            MqttEvent.OfflineBufferFull event = new MqttEvent.OfflineBufferFull(endpoint, topic, config.offlineBufferSize(), dropped.incrementAndGet());
            events.report(event);
            throw new TransportException("not sent: " + event.message(), e);
        }
    }

    /** Subscribes with the configured default QoS. */
    @Override
    public Subscription subscribe(String topic, String type, MessageHandler handler) {
        return subscribe(topic, type, config.defaultQos(), handler);
    }

    /**
     * Delivers every message matching the filter {@code topic} ({@code +} and {@code #} allowed) to
     * {@code handler}, decoded as {@code type}. Returns once the broker has acknowledged the subscription
     * (unless called from a handler). Retained messages on matching topics arrive first.
     *
     * @throws TransportException if the filter or type is invalid or the broker refuses the subscription
     */
    public Subscription subscribe(String topic, String type, Qos qos, MessageHandler handler) {
        String problem = TopicFilter.problemWithFilter(topic);
        if (problem == null) {
            problem = Payloads.problemWithType(type);
        }
        if (problem != null) {
            throw new TransportException("cannot subscribe to '" + topic + "' on " + endpoint + ": " + problem);
        }
        if (closed.get()) {
            throw new TransportException("cannot subscribe to " + topic + ": the MQTT transport to " + endpoint + " is closed");
        }
        Sub sub = new Sub(topic, type, qos.level(), handler);
        subs.add(sub);
        boolean first = brokerSubscriptions.merge(topic, 1, Integer::sum) == 1;
        if (first) {
            try {
                link.subscribe(topic, sub.qos, true);
            } catch (RuntimeException e) {
                subs.remove(sub);
                brokerSubscriptions.computeIfPresent(topic, (k, n) -> n == 1 ? null : n - 1);
                throw e;
            }
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                subs.remove(sub);
                if (brokerSubscriptions.computeIfPresent(topic, (k, n) -> n == 1 ? null : n - 1) == null && !closed.get()) {
                    link.unsubscribe(topic);
                }
            }
        };
    }

    /** Adds a listener for {@link MqttEvent}s besides the configured one; close the result to remove it. */
    public Subscription addListener(MqttEventListener listener) {
        return events.add(listener);
    }

    /** Reports a rejected message as this transport does: logged, and passed to the listeners. */
    public void reportRejected(String topic, MqttEvent.Problem problem, String detail) {
        events.report(new MqttEvent.MessageRejected(topic, problem, detail));
    }

    /** The broker this transport started because no broker URL was given, if any. */
    public java.util.Optional<EmbeddedBroker> embeddedBroker() {
        return java.util.Optional.ofNullable(ownBroker);
    }

    /** Publishes {@code offline} to the availability topic, disconnects, and stops an own embedded broker. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (config.availability() && link.isConnected()) {
                link.publish(config.availabilityTopic(), OFFLINE, 1, true);
            }
        } catch (RuntimeException e) {
            events.report(new MqttEvent.OperationFailed(endpoint, "publish offline to " + config.availabilityTopic(), String.valueOf(e.getMessage())));
        } finally {
            link.close();
            if (ownBroker != null) {
                ownBroker.close();
            }
        }
    }

    @Override
    public String toString() {
        return "MqttTransport[" + endpoint + ", " + config.clientId() + "]";
    }

    private void deliver(String topic, byte[] payload) {
        Instant now = null;
        boolean rejected = false;
        for (Sub sub : subs) {
            if (!TopicFilter.matches(sub.filter, topic)) {
                continue;
            }
            if (payload.length > config.maxPayloadBytes()) {
                if (!rejected) {
                    rejected = true;
                    events.report(new MqttEvent.MessageRejected(topic, MqttEvent.Problem.OVERSIZE,
                            "payload of " + payload.length + " bytes exceeds maxPayloadBytes " + config.maxPayloadBytes()));
                }
                continue;
            }
            Map<String, Object> fields;
            try {
                fields = Payloads.decode(sub.type, payload);
            } catch (Payloads.PayloadException e) {
                events.report(new MqttEvent.MessageRejected(topic, MqttEvent.Problem.MALFORMED_PAYLOAD,
                        "not a " + sub.type + " payload: " + e.getMessage()));
                continue;
            }
            if (now == null) {
                now = config.clock().instant();
            }
            try {
                sub.handler.onMessage(new TransportMessage(topic, sub.type, fields, now));
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError vme) {
                    throw vme;
                }
                events.report(new MqttEvent.MessageRejected(topic, MqttEvent.Problem.HANDLER_FAILED,
                        "the handler subscribed to " + sub.filter + " threw " + e));
            }
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        if (logger.getLevel() == null) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
        return logger;
    }

    private record Sub(String filter, String type, int qos, MessageHandler handler) {}

    private final class Callbacks implements LinkEvents {
        @Override
        public void message(String topic, byte[] payload, int qos, boolean retained) {
            deliver(topic, payload);
        }

        @Override
        public void connected(boolean reconnect, boolean sessionPresent) {
            if (reconnect) {
                // A broker restarted without persistence has forgotten our subscriptions: send them again.
                for (Map.Entry<String, Integer> entry : brokerSubscriptions.entrySet()) {
                    int qos = subs.stream().filter(s -> s.filter.equals(entry.getKey())).mapToInt(Sub::qos).max().orElse(1);
                    link.subscribe(entry.getKey(), qos, false);
                }
            }
            if (config.availability()) {
                try {
                    link.publish(config.availabilityTopic(), ONLINE, 1, true);
                } catch (RuntimeException e) {
                    events.report(new MqttEvent.OperationFailed(endpoint, "publish online to " + config.availabilityTopic(), String.valueOf(e.getMessage())));
                }
            }
            events.report(new MqttEvent.Connected(endpoint, reconnect));
        }

        @Override
        public void lost(Throwable cause) {
            events.report(new MqttEvent.ConnectionLost(endpoint, cause == null ? "no reason given" : String.valueOf(cause.getMessage())));
        }

        @Override
        public void failed(String what, Throwable cause) {
            if (!closed.get()) {
                events.report(new MqttEvent.OperationFailed(endpoint, what, String.valueOf(cause.getMessage())));
            }
        }
    }
}
