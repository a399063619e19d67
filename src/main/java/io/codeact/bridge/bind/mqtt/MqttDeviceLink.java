package io.codeact.bridge.bind.mqtt;

import io.codeact.bridge.safety.StopEcho;
import io.codeact.bridge.safety.StopLatch;

import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.mqtt.CommandChannel;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The bridge's side of one MQTT device, without the device: a connection to the broker, a
 * {@link CommandChannel}, the {@link MqttToolInvoker} that turns tool calls into commands, the device's
 * emergency stop ({@link #halt}) and {@link #waitSeconds} for {@code wait()}. Used by {@link MqttRobotSession}
 * (a device in another process or on another machine) and by a launch whose simulator node runs in the same
 * JVM.
 *
 * <p><b>wait().</b> When the link opens it asks the device, once and in the background, for {@code sim.wait}
 * with 0 s ({@value #WAIT_API}, what a {@code codeact sim} node answers with its sim time). A device that
 * echoes a time is a simulator: {@code waitSeconds} lets its sim time pass (so a lockstep node moves on) and
 * returns the time afterwards. A device that refuses it or stays silent for {@code probeTimeout} (3 s) is a
 * real device: {@code waitSeconds} sleeps on the wall clock and returns the seconds waited. A real device
 * thus sees up to three {@code <prefix>/<device>/sim.wait/cmd} messages when the link opens, which a device
 * following docs/MQTT.md ignores or refuses with {@code unknown_api}.
 *
 * <p>Thread-safe. Close it to disconnect (the channel's pending commands fail).
 *
 * <pre>{@code
 * try (MqttDeviceLink link = MqttDeviceLink.connect(tools, o -> o.brokerUrl("mqtt://localhost:1883").device("robot"))) {
 *     tools.toPyApis(link.invoker()).forEach(session::expose);
 * }
 * }</pre>
 */
public final class MqttDeviceLink implements AutoCloseable {
    /** The command a codeact simulator node adds to the declared ones: let sim time pass, answers {@code {"t": s}}. */
    public static final String WAIT_API = "sim.wait";

    private final Options options;
    private final String device;
    private final MqttTransport transport;
    private final CommandChannel channel;
    private final MqttToolInvoker invoker;
    private final CompletableFuture<Boolean> simClock;
    private final StopEcho ownHalts = new StopEcho();

    private MqttDeviceLink(Options options, String device, MqttTransport transport, CommandChannel channel) {
        this.options = options;
        this.device = device;
        this.transport = transport;
        this.channel = channel;
        this.invoker = MqttToolInvoker.create(transport, channel,
                i -> i.prefix(options.prefix).device(options.device).lease(options.lease).timeScale(options.timeScale));
        this.simClock = CompletableFuture.supplyAsync(this::answersSimWait, r -> {
            Thread t = new Thread(r, "mqtt-device-probe-" + device);  // not the common pool: the probe may block for seconds
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Connects to the broker; sends nothing yet but the {@code sim.wait} probe.
     *
     * @param tools the device's declarations; without a configured device, the first tool's namespace names it
     * @throws IllegalArgumentException without a broker URL, or for a bad option
     * @throws io.codeact.bridge.transport.TransportException if the broker cannot be reached
     */
    public static MqttDeviceLink connect(ToolSet tools, Consumer<Options> configure) {
        Options o = new Options();
        configure.accept(o);
        if (o.brokerUrl == null || o.brokerUrl.isBlank()) {
            throw new IllegalArgumentException("a device on MQTT needs the broker it talks to: give a broker URL (mqtt://host:1883)");
        }
        String device = o.device != null ? o.device : tools.tools().isEmpty() ? "robot" : tools.tools().getFirst().namespace();
        MqttTransport transport = MqttTransport.connect(c -> {
            c.brokerUrl(o.brokerUrl).prefix(o.prefix);
            o.mqtt.accept(c);
        });
        CommandChannel channel = null;
        try {
            channel = CommandChannel.open(transport, c -> c.prefix(o.prefix));
            return new MqttDeviceLink(o, device, transport, channel);
        } catch (RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            transport.close();
            throw e;
        }
    }

    /** {@code <prefix>/stop} (every device) or {@code <prefix>/<device>/stop}: any message halts the device. */
    public static String stopTopic(String prefix, String device) {
        return device == null ? prefix + "/stop" : prefix + "/" + device + "/stop";
    }

    private boolean answersSimWait() {
        try {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("seconds", 0.0);
            return invoker.call(device, WAIT_API, args, options.probeTimeout, false).get("t") instanceof Number;
        } catch (RuntimeException e) {
            return false;  // refused, silent or unreachable: treated as a real device, wall-clock wait()
        }
    }

    /** The invoker every tool call goes through (put a safety gate in front of it). */
    /** The bridge's connection to the broker. */
    public MqttTransport transport() {
        return transport;
    }

    public MqttToolInvoker invoker() {
        return invoker;
    }

    /** The device name in topics. */
    public String device() {
        return device;
    }

    public String prefix() {
        return options.prefix;
    }

    /** {@code mqtt://host:port} of the broker. */
    public String brokerUrl() {
        return transport.endpoint();
    }

    public boolean isConnected() {
        return transport.isConnected();
    }

    /**
     * Whether the device answered the {@code sim.wait} probe (a simulator node); waits for the probe's answer
     * (at most the probe timeout).
     */
    public boolean isSimulator() {
        try {
            return simClock.get(options.probeTimeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RobotException.robotError("interrupted while asking device " + device + " for its clock");
        }
    }

    /**
     * Lets {@code seconds} pass on the device's clock: a simulator's {@code sim.wait} (returns its sim time
     * afterwards), else the wall clock (returns the seconds waited).
     *
     * @throws RobotException when interrupted (an action's timeout) or the device does not answer
     */
    public double waitSeconds(double seconds) {
        if (isSimulator()) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("seconds", seconds);
            Duration timeout = Duration.ofMillis(5000 + (long) Math.ceil(1500 * seconds * options.timeScale));
            return ((Number) invoker.call(device, WAIT_API, args, timeout, false).get("t")).doubleValue();
        }
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RobotException.robotError("wait() was interrupted");
        }
        return seconds;
    }

    /**
     * The emergency stop: one message on the device's stop topic, ahead of anything queued; no echo awaited.
     * It carries this link's tag, so that {@link #latchOnStops} does not take it for someone else's stop.
     */
    public Map<String, Object> halt(String reason) {
        String topic = stopTopic(options.prefix, device);
        transport.publish(topic, "text", Map.of("text", ownHalts.mark(reason)));
        return Map.of("halted", List.of("all (published on " + topic + ")"), "reason", reason);
    }

    /**
     * Latches {@code latch} whenever anyone else stops this device (or all devices) on the bus: the
     * controller then refuses motion until a person resumes. This link's own halts do not latch.
     */
    public void latchOnStops(StopLatch latch) {
        for (String topic : List.of(stopTopic(options.prefix, null), stopTopic(options.prefix, device))) {
            transport.subscribe(topic, "text", io.codeact.bridge.transport.mqtt.Qos.AT_LEAST_ONCE, m -> {
                Object text = m.fields().get("text");
                if (!ownHalts.ours(text)) {
                    latch.noteRemoteStop("MQTT " + m.topic() + ": " + (text == null ? "" : text));
                }
            });
        }
    }

    /** Closes the channel (pending commands fail) and the connection. Idempotent. */
    @Override
    public void close() {
        simClock.cancel(false);
        try {
            channel.close();
        } finally {
            transport.close();
        }
    }

    /** Options of a {@link MqttDeviceLink}. */
    public static final class Options {
        private String brokerUrl;
        private String prefix = "codeact";
        private String device;
        private Duration lease = Duration.ofSeconds(1);
        private double timeScale = 1.0;
        private Duration probeTimeout = Duration.ofSeconds(3);
        private Consumer<io.codeact.bridge.transport.mqtt.MqttConfig.Builder> mqtt = c -> {};

        Options() {}

        /** The broker the device talks to, {@code mqtt://host[:port]} (required). */
        public Options brokerUrl(String value) {
            this.brokerUrl = value;
            return this;
        }

        /** The topic prefix (default {@code codeact}). */
        public Options prefix(String value) {
            this.prefix = Objects.requireNonNull(value, "prefix");
            return this;
        }

        /** The device name in topics (default: the declarations' namespace, e.g. {@code robot}). */
        public Options device(String value) {
            this.device = value;
            return this;
        }

        /** The device's motion lease: heartbeats every lease / 3 while a motion runs (default 1 s). */
        public Options lease(Duration value) {
            this.lease = Objects.requireNonNull(value, "lease");
            return this;
        }

        /** Wall seconds per device second, for command timeouts (default 1: a real device or a realtime node at ×1). */
        public Options timeScale(double value) {
            this.timeScale = value;
            return this;
        }

        /** How long the {@code sim.wait} probe waits for an answer (default 3 s). */
        public Options probeTimeout(Duration value) {
            this.probeTimeout = Objects.requireNonNull(value, "probeTimeout");
            return this;
        }

        /** Further settings of the MQTT connection (protocol, credentials, client id, ...). */
        public Options mqtt(Consumer<io.codeact.bridge.transport.mqtt.MqttConfig.Builder> configure) {
            this.mqtt = Objects.requireNonNull(configure, "mqtt");
            return this;
        }
    }
}
