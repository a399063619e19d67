package io.codeact.bridge.bind.mqtt;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.safety.GatedApis;
import io.codeact.bridge.safety.SafetyGate;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import io.codeact.bridge.transport.mqtt.MqttConfig;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.discovery.DeviceDiscovery;
import io.codeact.bridge.transport.mqtt.discovery.DiscoveryProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices announced on a broker by Home Assistant MQTT discovery (and Homie) bound to code actions: connects,
 * lets the retained announcements arrive until the registry has been quiet for the settle time, turns what it
 * found into tool declarations ({@link DiscoveredTools}, namespace {@code home} by default) served by a
 * {@link DiscoveredDeviceInvoker}, and puts a {@link SafetyGate} in front, so unlocking a door waits for a
 * person's confirmation like any irreversible call. Devices announced after the session was made are not
 * added; devices whose announcement was invalid are listed in {@link #problems()}, devices left out in
 * {@link #warnings()}. The emergency stop sends {@code STOP} to every cover.
 *
 * <pre>{@code
 * try (DiscoverySession home = DiscoverySession.connect("mqtt://localhost:1883", o -> o.safety(settings))) {
 *     home.bindTo(session, config);     // home.kitchen_light.turn_on(brightness=128), home.front_door.unlock(), ...
 * }
 * }</pre>
 */
public final class DiscoverySession implements io.codeact.bridge.safety.RobotSession {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoverySession.class);

    private final String broker;
    private final MqttTransport transport;
    private final boolean ownsTransport;
    private final DeviceDiscovery discovery;
    private final DiscoveredTools found;
    private final DiscoveredDeviceInvoker invoker;
    private final SafetyGate gate;
    private final List<DiscoveryProblem> problems;
    private final GatedApis apis;

    private DiscoverySession(String broker, MqttTransport transport, boolean ownsTransport, DeviceDiscovery discovery,
            DiscoveredTools found, DiscoveredDeviceInvoker invoker, SafetySettings safety) {
        this.broker = broker;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.discovery = discovery;
        this.found = found;
        this.invoker = invoker;
        this.problems = discovery.problems();
        SafetyGate.Builder b = SafetyGate.builder(safety.policy(), found.tools(), invoker)
                .latch(safety.latch())
                .confirmer(safety.confirmer())
                .halter(invoker::haltAll);
        this.gate = b.build();
        this.apis = GatedApis.of(gate, "Let time pass (wall time: the devices run in real time). Returns the seconds waited.",
                GatedApis.wallClock());
    }

    /**
     * Connects to {@code brokerUrl} (null: this process's embedded broker), discovers the devices and binds them.
     *
     * @throws IllegalArgumentException for bad options, or a safety file that names tools no device offers
     * @throws io.codeact.bridge.transport.TransportException if the broker cannot be reached
     * @throws io.codeact.bridge.safety.SafetyFileException when the safety file does not fit the discovered tools
     */
    public static DiscoverySession connect(String brokerUrl, Consumer<Options> configure) {
        Options o = new Options();
        configure.accept(o);
        String url = o.transport != null ? o.transport.endpoint() : brokerUrl != null ? brokerUrl : EmbeddedBroker.shared().url();
        MqttTransport transport = o.transport != null ? o.transport : MqttTransport.connect(c -> {
            c.brokerUrl(url).availabilityName("bridge");
            o.mqtt.accept(c);
        });
        DeviceDiscovery discovery = null;
        DiscoveredDeviceInvoker invoker = null;
        try {
            Object quiet = new Object();
            long[] last = {System.nanoTime()};
            discovery = DeviceDiscovery.start(transport, d -> {
                d.homeAssistantPrefix(o.homeAssistantPrefix).homiePrefix(o.homiePrefix).listener(e -> {
                    synchronized (quiet) {
                        last[0] = System.nanoTime();
                    }
                });
            });
            barrier(transport);
            synchronized (quiet) {
                last[0] = Math.max(last[0], System.nanoTime() - o.settle.toNanos() / 2);
            }
            settle(quiet, last, o.settle);
            DiscoveredTools found = DiscoveredTools.from(discovery.devices(), o.namespace);
            found.warnings().forEach(w -> LOG.warn("discovery: {}", w));
            invoker = DiscoveredDeviceInvoker.create(transport, found, i -> i.timeout(o.timeout).moveTimeout(o.moveTimeout));
            if (o.settle.toMillis() > 0) {
                awaitRetainedStates(found, invoker, o.settle);
            }
            return new DiscoverySession(url, transport, o.transport == null, discovery, found, invoker, o.safety);
        } catch (RuntimeException e) {
            if (invoker != null) {
                invoker.close();
            }
            if (discovery != null) {
                discovery.close();
            }
            if (o.transport == null) {
                transport.close();
            }
            throw e;
        }
    }

    /**
     * Publishes to a topic of its own and waits for the message to come back: the broker sends the retained
     * announcements of a new subscription before that, so on a slow link the settle time starts only once they
     * are on their way.
     */
    private static void barrier(MqttTransport transport) {
        String topic = "codeact/bridge/discovery-sync/" + java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        java.util.concurrent.CountDownLatch back = new java.util.concurrent.CountDownLatch(1);
        io.codeact.bridge.transport.Subscription sub = transport.subscribe(topic, "raw", m -> back.countDown());
        try {
            transport.publishBytes(topic, new byte[] {1}, io.codeact.bridge.transport.mqtt.Qos.AT_LEAST_ONCE, false);
            if (!back.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("discovery: the broker did not echo a message within 10 s; devices announced late may be missing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for device announcements", e);
        } finally {
            sub.close();
        }
    }

    /** Returns once no announcement has arrived for {@code settle}, or after 20 × settle at most (a device that keeps re-announcing). */
    private static void settle(Object quiet, long[] last, Duration settle) {
        long end = System.nanoTime() + 20 * settle.toNanos();
        synchronized (quiet) {
            while (true) {
                long now = System.nanoTime();
                long left = last[0] + settle.toNanos() - now;
                if (left <= 0 || now >= end) {
                    return;
                }
                try {
                    quiet.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for device announcements", e);
                }
            }
        }
    }

    /** Gives retained states up to {@code settle} to arrive, so that a first {@code state()} rarely finds nothing. */
    private static void awaitRetainedStates(DiscoveredTools found, DiscoveredDeviceInvoker invoker, Duration settle) {
        long end = System.nanoTime() + settle.toNanos();
        for (DeviceProfile p : found.profiles()) {
            for (DeviceProfile.StateChannel c : p.channels().values()) {
                if (!invoker.awaitAny(c.topic(), end)) {
                    return;  // out of time: states that publish only on change arrive when they change
                }
            }
        }
    }

    /** The broker the devices were found on. */
    public String broker() {
        return broker;
    }

    /** What discovery found, and the declarations made from it. */
    public DiscoveredTools discovered() {
        return found;
    }

    /** The tools the model sees: the discovered ones the safety policy exposes. */
    public ToolSet tools() {
        return gate.tools();
    }

    /** Why devices (or parts of them) were left out, one sentence each. */
    public List<String> warnings() {
        return found.warnings();
    }

    /** Announcements that were not usable when the session was made (topic, field, message). */
    public List<DiscoveryProblem> problems() {
        return problems;
    }

    /** The safety layer every call passes. */
    public SafetyGate safety() {
        return gate;
    }

    /** The invoker behind the gate (tests and tools read the latest states through it). */
    public DiscoveredDeviceInvoker invoker() {
        return invoker;
    }

    /** The Python APIs: the namespace of devices, {@code stop()} and {@code wait()}. */
    public List<PyApi> apis() {
        return apis.apis();
    }

    public void exposeIn(Session session) {
        apis.exposeIn(session);
    }

    /** Exposes the APIs in the session, documents them in the prompt, and puts the gate in the agent's loop. */
    public void bindTo(Session session, AgentConfig config) {
        apis.bindTo(session, config, Map.of("binding", "ha", "broker", broker,
                "devices", found.devices().keySet().stream().sorted().toList()));
    }

    /** Unsubscribes and disconnects (a transport given in the options stays open). */
    @Override
    public void close() {
        gate.close();
        invoker.close();
        discovery.close();
        if (ownsTransport) {
            transport.close();
        }
    }

    /** Options of a {@link DiscoverySession}. */
    public static final class Options {
        String homeAssistantPrefix = "homeassistant";
        String homiePrefix = "homie";
        String namespace = "home";
        Duration settle = Duration.ofSeconds(1);
        Duration timeout = Duration.ofSeconds(10);
        Duration moveTimeout = Duration.ofSeconds(120);
        SafetySettings safety = new SafetySettings(io.codeact.bridge.safety.SafetyPolicy.defaults(),
                io.codeact.bridge.safety.Confirmer.fixed(false, "nobody (no confirmer configured)"),
                new io.codeact.bridge.safety.StopLatch(), false);
        Consumer<MqttConfig.Builder> mqtt = c -> {};
        MqttTransport transport;

        Options() {}

        /** Home Assistant's discovery prefix (default {@code homeassistant}). */
        public Options homeAssistantPrefix(String value) {
            this.homeAssistantPrefix = Objects.requireNonNull(value, "homeAssistantPrefix");
            return this;
        }

        /** Homie's base topic (default {@code homie}); null ignores Homie. */
        public Options homiePrefix(String value) {
            this.homiePrefix = value;
            return this;
        }

        /** The Python global the devices hang from (default {@code home}). */
        public Options namespace(String value) {
            this.namespace = value;
            return this;
        }

        /** How long the announcements must have been quiet before the devices are bound (default 1 s). */
        public Options settle(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("settle must be zero or more, got " + value);
            }
            this.settle = value;
            return this;
        }

        /** How long a command waits for its state (default 10 s). */
        public Options timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** How long a cover's move waits for its state (default 120 s). */
        public Options moveTimeout(Duration value) {
            this.moveTimeout = value;
            return this;
        }

        /** The safety layer (default: the built-in policy, irreversible calls denied: nobody to ask). */
        public Options safety(SafetySettings value) {
            this.safety = Objects.requireNonNull(value, "safety");
            return this;
        }

        /** Further settings of the session's MQTT connection (credentials, protocol, ...). */
        public Options mqtt(Consumer<MqttConfig.Builder> value) {
            this.mqtt = Objects.requireNonNull(value, "mqtt");
            return this;
        }

        /** Talks through this transport instead of connecting its own (which the session then does not close). */
        public Options transport(MqttTransport value) {
            this.transport = value;
            return this;
        }
    }
}
