package io.codeact.bridge.bind.mqtt;

import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.tools.ParamSpec;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolInvoker;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.mqtt.CommandChannel;
import io.codeact.bridge.transport.mqtt.CommandRejectedException;
import io.codeact.bridge.transport.mqtt.CommandResult;
import io.codeact.bridge.transport.mqtt.CommandTimeoutException;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The MQTT binding: a checked tool call becomes a command on {@code <prefix>/<device>/<api>/cmd}
 * ({@link MqttBinding}), sent through a {@link CommandChannel} and confirmed by the device's echo, whose
 * fields (without {@code cmd_id} and {@code ts}) are the call's result.
 *
 * <p><b>Errors.</b> A refusal echo becomes the exception its {@link Refusal} kind names (the device's message
 * unchanged, so a simulator behind MQTT raises exactly what the in-process binding raises); no echo within the
 * command's timeout becomes a {@code CommandTimeout} naming the topics; a transport failure a
 * {@code TransportError}.
 *
 * <p><b>Timeouts.</b> {@code binding.mqtt.timeout_s} if declared; else estimated from the arguments in the
 * device's seconds: a {@code duration} or {@code seconds} argument; for a motion with a {@code speed}, twice
 * the longest straight line its metre-valued parameter ranges allow at that speed, plus 10 s; 60 s for other
 * motions; nothing for the rest. The wait is then {@code margin + 1.5 × estimate × timeScale}, where
 * {@code timeScale} is wall seconds per device second (1 for a real device, 1/rate for a simulator paced at
 * {@code rate}, small for a lockstep simulator).
 *
 * <p><b>Leases.</b> While a {@code motion: true} command runs, the invoker publishes a heartbeat every
 * {@code lease / 3} to {@code <prefix>/<device>/lease}: {@code {"cmd_id": <the running command>, "ts": ms}},
 * QoS 0. A device renews that command's motion lease on each; when the bridge, its link or the broker goes
 * silent, the device stops by itself after {@code lease}. An interrupted wait stops the heartbeats at once.
 *
 * <p>Thread-safe; {@link #invoke} blocks the calling thread (a code action's).
 *
 * <pre>{@code
 * CommandChannel channel = CommandChannel.open(mqtt, o -> {});
 * ToolInvoker invoker = MqttToolInvoker.create(mqtt, channel, o -> o.lease(Duration.ofSeconds(1)));
 * tools.toPyApis(invoker).forEach(session::expose);
 * }</pre>
 */
public final class MqttToolInvoker implements ToolInvoker {
    private final MqttTransport transport;
    private final CommandChannel channel;
    private final Options options;
    private final Map<ToolDeclaration, MqttBinding> bindings = new ConcurrentHashMap<>();

    private MqttToolInvoker(MqttTransport transport, CommandChannel channel, Options options) {
        this.transport = transport;
        this.channel = channel;
        this.options = options;
    }

    /** An invoker sending through {@code channel} (and heartbeats through {@code transport}); {@code configure} may change the options. */
    public static MqttToolInvoker create(MqttTransport transport, CommandChannel channel, Consumer<Options> configure) {
        Options options = new Options(transport.config().prefix());
        configure.accept(options);
        return new MqttToolInvoker(transport, channel, options);
    }

    /** The heartbeat topic of a device: {@code <prefix>/<device>/lease}. */
    public static String leaseTopic(String prefix, String device) {
        return prefix + "/" + device + "/lease";
    }

    /** Where {@code tool}'s commands go. @throws IllegalArgumentException for a malformed binding */
    public MqttBinding bindingOf(ToolDeclaration tool) {
        return bindings.computeIfAbsent(tool, t -> MqttBinding.of(t, options.device));
    }

    @Override
    public Object invoke(ToolDeclaration tool, Map<String, Object> args) {
        MqttBinding binding;
        try {
            binding = bindingOf(tool);
        } catch (IllegalArgumentException e) {
            throw RobotException.robotError(tool.qualifiedName() + " cannot be sent over MQTT: " + e.getMessage());
        }
        Duration timeout = timeoutFor(tool, binding, args);
        return call(binding.device(), binding.api(), binding.toCommand(args), timeout, tool.motion());
    }

    /**
     * Sends one command and waits for its echo: what {@link #invoke} does after the binding, for commands that
     * have no declaration (a simulator's {@code sim.wait}).
     *
     * @param motion whether to renew the command's lease while it runs
     */
    public Map<String, Object> call(String device, String api, Map<String, Object> fields, Duration timeout, boolean motion) {
        String id = channel.newCommandId();
        CompletableFuture<CommandResult> echo;
        try {
            echo = channel.sendAsync(device, api, id, fields, timeout);
        } catch (TransportException e) {
            throw RobotException.transport("could not send " + api + " to device " + device + ": " + e.getMessage(), e);
        }
        try {
            CommandResult r = motion ? awaitRenewing(echo, device, id) : echo.get();
            Map<String, Object> result = new LinkedHashMap<>(r.state());
            result.remove("cmd_id");
            result.remove("ts");
            return result;
        } catch (ExecutionException e) {
            throw failure(device, api, e.getCause());
        } catch (InterruptedException e) {
            echo.cancel(false);
            Thread.currentThread().interrupt();
            throw RobotException.timeout("interrupted while waiting for device " + device + " to carry out " + api
                    + "; its lease is no longer renewed" + (motion ? ", so it stops by itself" : ""));
        }
    }

    private CommandResult awaitRenewing(CompletableFuture<CommandResult> echo, String device, String id)
            throws ExecutionException, InterruptedException {
        long every = Math.max(1, options.lease.toMillis() / 3);
        String topic = leaseTopic(options.prefix, device);
        while (true) {
            try {
                return echo.get(every, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                Map<String, Object> beat = new LinkedHashMap<>();
                beat.put("cmd_id", id);
                beat.put("ts", options.clock.millis());
                try {
                    transport.publish(topic, "json", beat, Qos.AT_MOST_ONCE, false);
                } catch (TransportException e) {
                    // Offline with a full buffer: the device will stop when its lease runs out, which is right.
                }
            }
        }
    }

    private static RobotException failure(String device, String api, Throwable cause) {
        if (cause instanceof CommandRejectedException r) {
            Refusal kind = Refusal.fromWire(r.echo().get(Refusal.KEY));
            return kind != null ? kind.toException(r.deviceError())
                    : RobotException.robotError("device " + device + " refused " + api + ": " + r.deviceError());
        }
        if (cause instanceof CommandTimeoutException t) {
            return RobotException.timeout(t.getMessage());
        }
        return RobotException.transport("command " + api + " to device " + device + " failed: " + cause.getMessage(), cause);
    }

    /** How long to wait for {@code tool}'s echo with these arguments; see the class comment. */
    Duration timeoutFor(ToolDeclaration tool, MqttBinding binding, Map<String, Object> args) {
        double estimate = binding.timeoutSeconds() != null ? binding.timeoutSeconds() : estimateSeconds(tool, args);
        double wall = options.margin.toMillis() / 1000.0 + 1.5 * estimate * options.timeScale;
        return Duration.ofMillis((long) Math.ceil(wall * 1000));
    }

    static double estimateSeconds(ToolDeclaration tool, Map<String, Object> args) {
        for (String key : new String[] {"duration", "seconds"}) {
            if (args.get(key) instanceof Number n && n.doubleValue() > 0) {
                return n.doubleValue();
            }
        }
        if (!tool.motion()) {
            return 0;
        }
        if (args.get("speed") instanceof Number speed && speed.doubleValue() > 0) {
            double span = 0;
            for (ParamSpec p : tool.params()) {
                if ("m".equals(p.unit()) && p.min() != null && p.max() != null) {
                    span += (p.max() - p.min()) * (p.max() - p.min());
                }
            }
            if (span > 0) {
                return 2 * Math.sqrt(span) / speed.doubleValue() + 10;
            }
        }
        return 60;
    }

    /** Options of a {@link MqttToolInvoker}. */
    public static final class Options {
        private String prefix;
        private String device;
        private Duration lease = Duration.ofSeconds(1);
        private Duration margin = Duration.ofSeconds(5);
        private double timeScale = 1.0;
        private Clock clock = Clock.systemUTC();

        Options(String prefix) {
            this.prefix = prefix;
        }

        /** The topic prefix of heartbeats; the transport's by default (commands use the channel's). */
        public Options prefix(String value) {
            this.prefix = Objects.requireNonNull(value, "prefix");
            return this;
        }

        /** The device of tools whose binding names none; by default each tool's namespace ({@code robot}, {@code home}). */
        public Options device(String value) {
            this.device = value;
            return this;
        }

        /** The device's motion lease: heartbeats go every lease / 3 (default 1 s, as the simulator nodes). */
        public Options lease(Duration value) {
            if (value.isNegative() || value.toMillis() < 3) {
                throw new IllegalArgumentException("lease must be at least 3 ms, got " + value);
            }
            this.lease = value;
            return this;
        }

        /** Added to every command's timeout: transport and scheduling slack (default 5 s). */
        public Options margin(Duration value) {
            this.margin = Objects.requireNonNull(value, "margin");
            return this;
        }

        /**
         * Wall seconds per device second (default 1, a real device): 1/rate for a simulator paced at {@code rate},
         * e.g. 0.01 for one in lockstep, which runs far faster than real time.
         */
        public Options timeScale(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("timeScale must be a positive number of wall seconds per device second, got " + value);
            }
            this.timeScale = value;
            return this;
        }

        /** Stamps heartbeats. */
        public Options clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }
    }
}
