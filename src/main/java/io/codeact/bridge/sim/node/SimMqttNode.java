package io.codeact.bridge.sim.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.codeact.bridge.bind.mqtt.MqttBinding;
import io.codeact.bridge.bind.mqtt.MqttDeviceLink;
import io.codeact.bridge.bind.mqtt.MqttToolInvoker;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.mqtt.DeviceTopics;
import io.codeact.bridge.transport.mqtt.MqttConfig;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A simulated world as an MQTT device: the bridge sends it commands and reads its echoes, state and telemetry
 * exactly as it would a real robot's, and cannot tell the difference.
 *
 * <p><b>Topics</b> (docs/MQTT.md, "Simulator nodes"), with {@code <device>} the declarations' namespace
 * ({@code robot}, {@code home}) unless configured or overridden per tool by {@code binding.mqtt.device}:
 * <ul>
 *   <li>{@code <prefix>/<device>/<api>/cmd} for every declaration with a {@code sim:} binding ({@code api} = the
 *       tool id, e.g. {@code base.drive}), plus {@code sim.wait} ({@code {"seconds": s}}, answers {@code {"t": s}});
 *       echoes on {@code …/<api>/state} as {@link io.codeact.bridge.transport.mqtt.CommandResponder} does: each
 *       {@code cmd_id} applied once, repeats answered with the first echo; a refusal echoes {@code error} and
 *       {@code error_kind} ({@link io.codeact.bridge.bind.mqtt.Refusal}), not retained;</li>
 *   <li>{@code <prefix>/<device>/lease}: heartbeats {@code {"cmd_id"}} that renew a running motion (realtime);</li>
 *   <li>{@code <prefix>/stop} and {@code <prefix>/<device>/stop}: any message halts the world at once, ahead of
 *       queued commands; {@code <prefix>/<device>/safety} then says so (retained {@code {stopped, by, ts}});</li>
 *   <li>{@code <prefix>/<device>/telemetry/<stream>}: {@link World#telemetry()} streams, JSON with {@code ts}, QoS 0;</li>
 *   <li>{@code <prefix>/<device>/availability}: {@code online}, {@code offline} on close, and the last will.</li>
 * </ul>
 *
 * <p><b>Threads.</b> MQTT handlers only queue; one node thread owns the world and makes every call on it, under
 * the world's monitor, so another thread of the same JVM may read {@code synchronized (world) {world.state()}}.
 * A malformed command gets an error echo (when its {@code cmd_id} can be read) and a log line; nothing a
 * message carries stops the node.
 *
 * <pre>{@code
 * try (SimMqttNode node = SimMqttNode.connect(world, tools, o -> o.brokerUrl("mqtt://localhost:1883").realtime(1.0))) {
 *     node.awaitClose();   // until Ctrl-C
 * }
 * }</pre>
 */
public final class SimMqttNode implements AutoCloseable {
    /** The command a node adds to the declared ones: let sim time pass. */
    public static final String WAIT_API = MqttDeviceLink.WAIT_API;

    private final World world;
    private final Options options;
    private final MqttTransport transport;
    private final String device;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Set<String> devices = new LinkedHashSet<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final NodeLoop loop;

    /** One command topic: where it listens, and the world API it drives ({@code null} for {@code sim.wait}). */
    record Endpoint(DeviceTopics topics, String simApi, MqttBinding binding, ToolDeclaration tool) {}

    private SimMqttNode(World world, ToolSet tools, Options options) {
        this.world = world;
        this.options = options;
        this.device = options.device != null ? options.device
                : tools.tools().isEmpty() ? world.name() : tools.tools().getFirst().namespace();
        for (ToolDeclaration tool : tools.tools()) {
            JsonNode sim = tool.bindings().get("sim");
            if (sim == null || !sim.isTextual()) {
                continue;
            }
            MqttBinding binding = MqttBinding.of(tool, device);
            DeviceTopics topics = new DeviceTopics(options.prefix, binding.device(), binding.api());
            Endpoint earlier = endpoints.putIfAbsent(topics.command(), new Endpoint(topics, sim.asText(), binding, tool));
            if (earlier != null) {
                throw new IllegalArgumentException(tool.source() + ": tool " + tool.qualifiedName() + " and " + earlier.tool().qualifiedName()
                        + " (" + earlier.tool().source() + ") both bind to " + topics.command() + "; give one a binding.mqtt api");
            }
            devices.add(binding.device());
        }
        devices.add(device);
        DeviceTopics wait = new DeviceTopics(options.prefix, device, WAIT_API);
        endpoints.putIfAbsent(wait.command(), new Endpoint(wait, null, null, null));
        String url = options.brokerUrl;
        this.transport = options.transport != null ? options.transport : MqttTransport.connect(c -> {
            c.brokerUrl(url).prefix(options.prefix).availabilityName(device)
                    .clientId("codeact-sim-" + device + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
            options.mqtt.accept(c);
        });
        this.loop = new NodeLoop(world, transport, options, device, devices);
    }

    /**
     * Connects to the broker and starts serving: subscribes every command topic, the lease, stop and wait topics,
     * publishes {@code online} and the safety state, and starts the node thread.
     *
     * @param tools the world's declarations; those with a {@code sim:} binding become command topics
     * @throws io.codeact.bridge.transport.TransportException if the broker cannot be reached
     * @throws IllegalArgumentException for an invalid option or two tools bound to the same topic
     */
    public static SimMqttNode connect(World world, ToolSet tools, Consumer<Options> configure) {
        Options options = new Options();
        configure.accept(options);
        SimMqttNode node = new SimMqttNode(Objects.requireNonNull(world, "world"), tools, options);
        try {
            node.subscribe();
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    private void subscribe() {
        for (Endpoint e : endpoints.values()) {
            subscriptions.add(transport.subscribe(e.topics().command(), "raw", Qos.AT_LEAST_ONCE,
                    m -> loop.command(e, m.topic(), (byte[]) m.fields().get("data"))));
        }
        for (String d : devices) {
            subscriptions.add(transport.subscribe(MqttToolInvoker.leaseTopic(options.prefix, d), "raw", Qos.AT_MOST_ONCE,
                    m -> loop.heartbeat(m.topic(), (byte[]) m.fields().get("data"))));
            subscriptions.add(transport.subscribe(stopTopic(options.prefix, d), "raw", Qos.AT_LEAST_ONCE,
                    m -> loop.stop(m.topic(), (byte[]) m.fields().get("data"))));
        }
        subscriptions.add(transport.subscribe(stopTopic(options.prefix, null), "raw", Qos.AT_LEAST_ONCE,
                m -> loop.stop(m.topic(), (byte[]) m.fields().get("data"))));
        loop.start();
    }

    /** {@code <prefix>/stop} (every device) or {@code <prefix>/<device>/stop}. */
    public static String stopTopic(String prefix, String device) {
        return MqttDeviceLink.stopTopic(prefix, device);
    }

    /** {@code <prefix>/<device>/safety}: retained {@code {stopped, by, ts}}. */
    public static String safetyTopic(String prefix, String device) {
        return prefix + "/" + device + "/safety";
    }

    /** {@code <prefix>/<device>/telemetry/<stream>}. */
    public static String telemetryTopic(String prefix, String device, String stream) {
        return prefix + "/" + device + "/telemetry/" + stream;
    }

    /** The device name of this node (the availability, safety, telemetry and wait topics are under it). */
    public String device() {
        return device;
    }

    public String prefix() {
        return options.prefix;
    }

    public ClockMode clockMode() {
        return options.clock;
    }

    /** The world; read it only under its monitor ({@code synchronized (node.world())}), the node thread steps it. */
    public World world() {
        return world;
    }

    /** The command topics this node answers, in declaration order. */
    public List<String> commandTopics() {
        return List.copyOf(endpoints.keySet());
    }

    /** The transport the node talks through (its own unless one was given). */
    public MqttTransport transport() {
        return transport;
    }

    /** Blocks until the node is closed (by {@link #close()} from another thread, or a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        loop.join();
    }

    /** Stops the node thread, unsubscribes, and closes its own transport (publishing {@code offline}). Idempotent. */
    @Override
    public void close() {
        loop.close();
        subscriptions.forEach(s -> {
            try {
                s.close();
            } catch (RuntimeException e) {
                // the transport is going away anyway
            }
        });
        subscriptions.clear();
        if (options.transport == null) {
            transport.close();
        }
    }

    /** Options of a {@link SimMqttNode}. */
    public static final class Options {
        String brokerUrl;
        MqttTransport transport;
        Consumer<MqttConfig.Builder> mqtt = c -> {};
        String prefix = "codeact";
        String device;
        ClockMode clock = ClockMode.LOCKSTEP;
        double rate = 1.0;
        double telemetryHz = -1;
        Duration lease = Duration.ofSeconds(1);
        double stepSeconds;

        Options() {}

        /** The broker; null starts an embedded one owned by the node's transport. */
        public Options brokerUrl(String url) {
            this.brokerUrl = url;
            return this;
        }

        /** Further settings of the node's own MQTT connection (protocol, credentials, ...). */
        public Options mqtt(Consumer<MqttConfig.Builder> configure) {
            this.mqtt = Objects.requireNonNull(configure, "mqtt");
            return this;
        }

        /**
         * Talks through this transport instead of connecting its own (which the node then does not close); its
         * availability topic is then whatever it was configured with.
         */
        public Options transport(MqttTransport value) {
            this.transport = value;
            return this;
        }

        /** The topic prefix (default {@code codeact}); may have several levels, e.g. {@code codeact/eval-3}. */
        public Options prefix(String value) {
            new DeviceTopics(value, "x", "y");
            this.prefix = value;
            return this;
        }

        /** The device name (default: the declarations' namespace, e.g. {@code robot}). */
        public Options device(String value) {
            if (value != null) {
                new DeviceTopics("x", value, "y");
            }
            this.device = value;
            return this;
        }

        /** Lockstep: sim time moves only while a command or {@code sim.wait} runs (the default). */
        public Options lockstep() {
            this.clock = ClockMode.LOCKSTEP;
            return this;
        }

        /** Realtime: the world runs at {@code rate} sim seconds per wall second (1 = real time). */
        public Options realtime(double rate) {
            if (!(rate > 0) || Double.isInfinite(rate) || rate > 1000) {
                throw new IllegalArgumentException("rate must be in (0, 1000] sim seconds per wall second, got " + rate);
            }
            this.clock = ClockMode.REALTIME;
            this.rate = rate;
            return this;
        }

        /**
         * Telemetry publications per wall second in realtime (default 10; 0 = none). In lockstep there is none by
         * default, and any positive value publishes once after each command: reading the sensors draws on their
         * noise streams, so lockstep telemetry makes later sensor readings differ from the in-process binding's.
         */
        public Options telemetryHz(double hz) {
            if (!(hz >= 0) || hz > 1000) {
                throw new IllegalArgumentException("telemetryHz must be within 0..1000, got " + hz);
            }
            this.telemetryHz = hz;
            return this;
        }

        /**
         * Realtime: how long (wall time) a motion runs on after the bridge's last heartbeat before the node stops
         * renewing it and the world's own lease stops the device (default 1 s; the bridge beats every lease / 3).
         */
        public Options lease(Duration value) {
            if (value.isNegative() || value.toMillis() < 10) {
                throw new IllegalArgumentException("lease must be at least 10 ms, got " + value);
            }
            this.lease = value;
            return this;
        }

        double effectiveTelemetryHz() {
            return telemetryHz >= 0 ? telemetryHz : clock == ClockMode.REALTIME ? 10 : 0;
        }

        /** Realtime: sim seconds per step (default the world's tick). */
        public Options stepSeconds(double seconds) {
            if (!(seconds > 0) || seconds > 1) {
                throw new IllegalArgumentException("stepSeconds must be within (0, 1] s, got " + seconds);
            }
            this.stepSeconds = seconds;
            return this;
        }
    }
}
