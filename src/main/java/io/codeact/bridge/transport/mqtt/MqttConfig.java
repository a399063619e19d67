package io.codeact.bridge.transport.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * How an {@link MqttTransport} connects. Built with {@link #build(Consumer)}; every option has a default.
 *
 * <pre>{@code
 * MqttConfig c = MqttConfig.build(b -> b.brokerUrl("mqtts://broker.lan:8883").username("bridge").password("…")
 *         .cleanSession(false).prefix("home"));
 * }</pre>
 *
 * @param brokerUrl {@code mqtt://host[:1883]}, {@code mqtts://host[:8883]} (also Paho's {@code tcp://} and
 *     {@code ssl://}); null starts an {@link EmbeddedBroker} on a free loopback port, owned by the transport
 * @param clientId the MQTT client id; a persistent session is found again by it
 * @param prefix the first topic level of this bridge's topics ({@code <prefix>/bridge/availability}, see docs/MQTT.md)
 * @param protocol MQTT 5 (default) or 3.1.1 for old brokers
 * @param cleanSession true (default): start afresh; false: resume the broker's session (subscriptions and
 *     QoS 1/2 messages queued while away), kept {@code sessionExpiry} after a disconnect
 * @param sslContext TLS context for {@code mqtts://}; null uses the JVM's default trust store
 * @param offlineBufferSize publishes held while the link is down; one more is refused and reported
 * @param maxInflight QoS 1/2 messages sent and not yet acknowledged, per direction
 * @param maxPayloadBytes larger incoming messages are rejected and reported, not decoded
 * @param defaultQos QoS of {@code publish}/{@code subscribe} calls that name none (default 1)
 * @param availability publish {@code online}/{@code offline} (retained) on the availability topic and
 *     set {@code offline} as the last will (default true)
 * @param availabilityTopic where availability goes; default {@code <prefix>/bridge/availability}
 * @param listener receives {@link MqttEvent}s (they are logged either way)
 * @param clock stamps received messages
 */
public record MqttConfig(
        String brokerUrl,
        String clientId,
        String prefix,
        MqttProtocol protocol,
        boolean cleanSession,
        Duration sessionExpiry,
        String username,
        char[] password,
        SSLContext sslContext,
        Duration keepAlive,
        Duration connectTimeout,
        Duration maxReconnectDelay,
        int offlineBufferSize,
        int maxInflight,
        int maxPayloadBytes,
        Qos defaultQos,
        boolean availability,
        String availabilityTopic,
        MqttEventListener listener,
        Clock clock) {

    public MqttConfig {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(defaultQos, "defaultQos");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        if (clientId.isEmpty() || clientId.length() > 65535) {
            throw new IllegalArgumentException("clientId must be 1 to 65535 characters, got '" + clientId + "'");
        }
        if (prefix == null || prefix.isEmpty() || prefix.contains("+") || prefix.contains("#") || prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must be a topic path without wildcards or leading/trailing '/', such as codeact or home/bridge1; got '" + prefix + "'");
        }
        if (offlineBufferSize < 0) {
            throw new IllegalArgumentException("offlineBufferSize must be >= 0 (0 refuses publishes while offline), got " + offlineBufferSize);
        }
        if (maxInflight < 1 || maxInflight > 65535) {
            throw new IllegalArgumentException("maxInflight must be 1..65535, got " + maxInflight);
        }
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
        }
        positive("keepAlive", keepAlive);
        positive("connectTimeout", connectTimeout);
        positive("maxReconnectDelay", maxReconnectDelay);
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        if (brokerUrl != null) {
            serverUri(brokerUrl);
        }
        if (availabilityTopic == null) {
            availabilityTopic = prefix + "/bridge/availability";
        } else if (availabilityTopic.isEmpty() || availabilityTopic.contains("+") || availabilityTopic.contains("#")) {
            throw new IllegalArgumentException("availabilityTopic must be a topic without wildcards, such as "
                    + prefix + "/agent/robot/availability; got '" + availabilityTopic + "'");
        }
    }

    /** Defaults, then {@code configure}. */
    public static MqttConfig build(Consumer<Builder> configure) {
        Builder b = new Builder();
        configure.accept(b);
        return b.build();
    }

    /**
     * Paho's form of a broker URL: {@code tcp://host:port} or {@code ssl://host:port}.
     *
     * @throws IllegalArgumentException naming the URL and the accepted forms
     */
    public static String serverUri(String brokerUrl) {
        String hint = "; use mqtt://host[:port] or mqtts://host[:port] (tcp:// and ssl:// also work)";
        URI uri;
        try {
            uri = new URI(brokerUrl.contains("://") ? brokerUrl : "mqtt://" + brokerUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker URL '" + brokerUrl + "' is not a URL (" + e.getReason() + ")" + hint, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean tls = switch (scheme) {
            case "mqtt", "tcp" -> false;
            case "mqtts", "ssl", "tls" -> true;
            default -> throw new IllegalArgumentException("broker URL '" + brokerUrl + "' has the scheme '" + scheme + "'" + hint);
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("broker URL '" + brokerUrl + "' names no host" + hint);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        return (tls ? "ssl://" : "tcp://") + host + ":" + port;
    }

    /** Whether the broker URL asks for TLS. */
    public boolean tls() {
        return brokerUrl != null && serverUri(brokerUrl).startsWith("ssl://");
    }

    /** The TLS context to use: the configured one or the JVM's default. */
    SSLContext effectiveSslContext() {
        if (sslContext != null) {
            return sslContext;
        }
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no default TLS context; pass one with sslContext(...)", e);
        }
    }

    @Override
    public String toString() {
        // The password never appears in logs.
        return "MqttConfig[brokerUrl=" + (brokerUrl == null ? "embedded" : brokerUrl) + ", clientId=" + clientId + ", prefix=" + prefix
                + ", protocol=" + protocol + ", cleanSession=" + cleanSession + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + "]";
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    /** Mutable builder of an {@link MqttConfig}; see the record's components for meanings and defaults. */
    public static final class Builder {
        private String brokerUrl;
        private String clientId = "codeact-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        private String prefix = "codeact";
        private MqttProtocol protocol = MqttProtocol.V5;
        private boolean cleanSession = true;
        private Duration sessionExpiry = Duration.ofHours(1);
        private String username;
        private char[] password;
        private SSLContext sslContext;
        private Duration keepAlive = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration maxReconnectDelay = Duration.ofSeconds(30);
        private int offlineBufferSize = 10_000;
        private int maxInflight = 1000;
        private int maxPayloadBytes = 1024 * 1024;
        private Qos defaultQos = Qos.AT_LEAST_ONCE;
        private boolean availability = true;
        private String availabilityTopic;
        private String availabilityName;
        private MqttEventListener listener = event -> {};
        private Clock clock = Clock.systemUTC();

        Builder() {}

        public Builder brokerUrl(String url) {
            this.brokerUrl = url;
            return this;
        }

        public Builder clientId(String id) {
            this.clientId = id;
            return this;
        }

        public Builder prefix(String value) {
            this.prefix = value;
            return this;
        }

        public Builder protocol(MqttProtocol value) {
            this.protocol = value;
            return this;
        }

        public Builder cleanSession(boolean value) {
            this.cleanSession = value;
            return this;
        }

        public Builder sessionExpiry(Duration value) {
            this.sessionExpiry = value;
            return this;
        }

        public Builder username(String value) {
            this.username = value;
            return this;
        }

        public Builder password(String value) {
            this.password = value == null ? null : value.toCharArray();
            return this;
        }

        public Builder sslContext(SSLContext value) {
            this.sslContext = value;
            return this;
        }

        public Builder keepAlive(Duration value) {
            this.keepAlive = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** Reconnect attempts back off from 1 s up to this (Paho's granularity is one second). */
        public Builder maxReconnectDelay(Duration value) {
            this.maxReconnectDelay = value;
            return this;
        }

        public Builder offlineBufferSize(int messages) {
            this.offlineBufferSize = messages;
            return this;
        }

        public Builder maxInflight(int messages) {
            this.maxInflight = messages;
            return this;
        }

        public Builder maxPayloadBytes(int bytes) {
            this.maxPayloadBytes = bytes;
            return this;
        }

        public Builder defaultQos(Qos value) {
            this.defaultQos = value;
            return this;
        }

        public Builder availability(boolean value) {
            this.availability = value;
            return this;
        }

        /**
         * The level naming this client in {@code <prefix>/<name>/availability}: {@code bridge} by default, a
         * device's name for a device such as a simulator node. {@link #availabilityTopic} wins when both are set.
         */
        public Builder availabilityName(String value) {
            if (value == null || value.isEmpty() || value.contains("/") || value.contains("+") || value.contains("#")) {
                throw new IllegalArgumentException("availabilityName must be one topic level without wildcards, such as bridge "
                        + "or rover1; got '" + value + "'");
            }
            this.availabilityName = value;
            return this;
        }

        /** The availability topic (default {@code <prefix>/bridge/availability}), payload online/offline, retained. */
        public Builder availabilityTopic(String topic) {
            this.availabilityTopic = topic;
            return this;
        }

        public Builder listener(MqttEventListener value) {
            this.listener = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public MqttConfig build() {
            return new MqttConfig(brokerUrl, clientId, prefix, protocol, cleanSession, cleanSession ? Duration.ZERO : sessionExpiry,
                    username, password, sslContext, keepAlive, connectTimeout, maxReconnectDelay, offlineBufferSize, maxInflight,
                    maxPayloadBytes, defaultQos, availability,
                    availabilityTopic != null || availabilityName == null ? availabilityTopic
                            : prefix + "/" + availabilityName + "/availability",
                    listener, clock);
        }
    }
}
