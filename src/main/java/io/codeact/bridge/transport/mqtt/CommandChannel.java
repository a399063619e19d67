package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.TransportMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends commands the way docs/MQTT.md describes and waits for the device to confirm them.
 *
 * <p>A command is published (QoS 1, not retained) to {@code <prefix>/<device>/<api>/cmd} as a JSON object of
 * its arguments plus {@code cmd_id} (unique) and {@code ts} (milliseconds since the Unix epoch). It is
 * confirmed only when the device's {@code <prefix>/<device>/<api>/state} carries the same {@code cmd_id};
 * a state with {@code cmd_id} and {@code error} means the device refused it. Until then the same command,
 * with the same id, is sent again every {@code resendInterval} and at once after a reconnect; the device
 * applies an id once and echoes repeats ({@link CommandResponder} does), so a command runs once however
 * often it travels. Echoes for ids not waited for (duplicates, late ones) are ignored.
 *
 * <p>Thread-safe; {@link #send} blocks the calling thread (not a transport thread).
 *
 * <pre>{@code
 * try (CommandChannel commands = CommandChannel.open(mqtt, o -> o.timeout(Duration.ofSeconds(3)))) {
 *     CommandResult r = commands.send("lamp1", "light", Map.of("state", "ON", "brightness", 128));
 * }
 * }</pre>
 */
public final class CommandChannel implements AutoCloseable {
    private final MqttTransport transport;
    private final Options options;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, String> availability = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Subscription states;
    private final Subscription devices;
    private final Subscription reconnects;

    private CommandChannel(MqttTransport transport, Options options) {
        this.transport = transport;
        this.options = options;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-commands-" + transport.config().clientId());
            t.setDaemon(true);
            return t;
        });
        this.states = transport.subscribe(DeviceTopics.allStates(options.prefix), "json", Qos.AT_LEAST_ONCE, this::onState);
        this.devices = transport.subscribe(options.prefix + "/+/availability", "text", Qos.AT_LEAST_ONCE,
                m -> availability.put(m.topic(), String.valueOf(m.fields().get("text"))));
        this.reconnects = transport.addListener(event -> {
            if (event instanceof MqttEvent.Connected c && c.reconnect()) {
                pending.values().forEach(p -> timer.execute(() -> resend(p)));
            }
        });
    }

    /** Subscribes to every device's state under the prefix; {@code configure} may change the options. */
    public static CommandChannel open(MqttTransport transport, Consumer<Options> configure) {
        Options options = new Options(transport.config().prefix());
        configure.accept(options);
        return new CommandChannel(transport, options);
    }

    /**
     * Sends a command and waits for its confirmation.
     *
     * @param args the command's arguments, a JSON object's fields; {@code cmd_id} and {@code ts} are added
     * @throws CommandTimeoutException if no echo arrived within the timeout
     * @throws CommandRejectedException if the device echoed an error
     * @throws TransportException if it could not be sent at all
     */
    public CommandResult send(String device, String api, Map<String, ?> args) {
        return send(device, api, args, options.timeout);
    }

    /** As {@link #send(String, String, Map)}, waiting {@code timeout} for this command's echo instead of the channel's. */
    public CommandResult send(String device, String api, Map<String, ?> args, Duration timeout) {
        try {
            return sendAsync(device, api, newCommandId(), args, timeout).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransportException t) {
                // Rethrow a copy made on this thread, so the stack trace shows the caller.
                throw t instanceof CommandTimeoutException ? new CommandTimeoutException(t.getMessage())
                        : t instanceof CommandRejectedException r ? new CommandRejectedException(r.getMessage(), r.deviceError(), r.echo())
                        : new TransportException(t.getMessage(), t);
            }
            throw new TransportException("command to " + device + "/" + api + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted waiting for " + device + "/" + api + " to confirm a command", e);
        }
    }

    /** As {@link #send}, without blocking; the future fails with the same exceptions. */
    public CompletableFuture<CommandResult> sendAsync(String device, String api, Map<String, ?> args) {
        return sendAsync(device, api, newCommandId(), args, options.timeout);
    }

    /** A fresh command id from the channel's id source, for {@link #sendAsync(String, String, String, Map, Duration)}. */
    public String newCommandId() {
        return options.ids.get();
    }

    /**
     * Sends a command under an id the caller chose (from {@link #newCommandId()}, so that it can refer to the
     * running command, e.g. to renew its motion lease) and waits up to {@code timeout} for its echo.
     *
     * @throws IllegalArgumentException if a command with that id is still waiting for its echo
     */
    public CompletableFuture<CommandResult> sendAsync(String device, String api, String id, Map<String, ?> args, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a command timeout must be positive, got " + timeout);
        }
        DeviceTopics topics = new DeviceTopics(options.prefix, device, api);
        if (pending.containsKey(id)) {
            throw new IllegalArgumentException("command id " + id + " is already waiting for its echo; ids must be unique");
        }
        Map<String, Object> payload = new LinkedHashMap<>(args);
        payload.put("cmd_id", id);
        payload.put("ts", options.clock.millis());
        Pending p = new Pending(id, topics, java.util.Collections.unmodifiableMap(payload), System.nanoTime(), timeout);
        pending.put(id, p);
        try {
            publish(p);
        } catch (TransportException e) {
            pending.remove(id);
            p.future.completeExceptionally(e);
            return p.future;
        }
        long resendMs = options.resendInterval.toMillis();
        p.resender = timer.scheduleWithFixedDelay(() -> resend(p), resendMs, resendMs, TimeUnit.MILLISECONDS);
        p.timeout = timer.schedule(() -> expire(p), timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!pending.containsKey(id)) {
            p.cancelTimers(); // confirmed before the timers existed
        }
        return p.future;
    }

    /** Commands sent and not yet confirmed, refused or timed out. */
    public int pendingCount() {
        return pending.size();
    }

    @Override
    public void close() {
        states.close();
        devices.close();
        reconnects.close();
        timer.shutdownNow();
        for (Pending p : pending.values()) {
            p.future.completeExceptionally(new TransportException("the command channel closed before " + p.topics.device()
                    + "/" + p.topics.api() + " confirmed command " + p.id));
        }
        pending.clear();
    }

    private void publish(Pending p) {
        p.sends.incrementAndGet();
        transport.publish(p.topics.command(), "json", p.payload, Qos.AT_LEAST_ONCE, false);
    }

    private void resend(Pending p) {
        if (pending.containsKey(p.id)) {
            try {
                publish(p);
            } catch (TransportException e) {
                // Still offline with a full buffer: the next resend or the timeout decides.
            }
        }
    }

    private void expire(Pending p) {
        if (pending.remove(p.id, p)) {
            p.cancelTimers();
            String avail = availability.get(p.topics.availability());
            p.future.completeExceptionally(new CommandTimeoutException("no confirmation for command " + p.id + " ("
                    + p.topics.api() + " on device " + p.topics.device() + ") within " + p.wait.toMillis() + " ms: "
                    + p.topics.state() + " never echoed cmd_id " + p.id + " (sent " + p.sends.get() + " times to "
                    + p.topics.command() + "). The command may or may not have run; the device's availability ("
                    + p.topics.availability() + ") is " + (avail == null ? "unknown" : avail)
                    + ". Check that the device is online and subscribed, then read its state before retrying."));
        }
    }

    private void onState(TransportMessage message) {
        Object id = message.fields().get("cmd_id");
        if (id == null) {
            return;
        }
        Pending p = pending.get(String.valueOf(id));
        if (p == null || !p.topics.state().equals(message.topic()) || !pending.remove(p.id, p)) {
            return;
        }
        p.cancelTimers();
        Duration latency = Duration.ofNanos(System.nanoTime() - p.startNanos);
        Object error = message.fields().get("error");
        if (error != null) {
            p.future.completeExceptionally(new CommandRejectedException("device " + p.topics.device() + " refused command "
                    + p.id + " (" + p.topics.api() + "): " + error, String.valueOf(error), message.fields()));
        } else {
            try {
                p.future.complete(new CommandResult(p.id, p.topics, message.fields(), (int) p.sends.get(), latency));
            } catch (RuntimeException e) {
                // The waiter is no longer pending: it must hear about this, or it would wait forever.
                p.future.completeExceptionally(new TransportException("could not read the echo of command " + p.id + " on "
                        + message.topic() + ": " + e, e));
            }
        }
    }

    /** Options of a {@link CommandChannel}. */
    public static final class Options {
        private String prefix;
        private Duration timeout = Duration.ofSeconds(5);
        private Duration resendInterval = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private Supplier<String> ids;

        Options(String prefix) {
            this.prefix = prefix;
            // Two channels opened in the same millisecond (parallel episodes) must not share ids.
            String session = Long.toString(System.currentTimeMillis(), 36)
                    + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
            AtomicLong n = new AtomicLong();
            this.ids = () -> session + "-" + n.incrementAndGet();
        }

        /** The topic prefix; the transport's by default. */
        public Options prefix(String value) {
            this.prefix = Objects.requireNonNull(value, "prefix");
            return this;
        }

        /** How long to wait for the echo; 5 s by default. */
        public Options timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** How often to resend an unconfirmed command with the same id; 1 s by default. */
        public Options resendInterval(Duration value) {
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("resendInterval must be positive, got " + value);
            }
            this.resendInterval = value;
            return this;
        }

        /** Stamps {@code ts}. */
        public Options clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Makes command ids; they must be unique among the commands a device may still see. */
        public Options ids(Supplier<String> value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }
    }

    private static final class Pending {
        final String id;
        final DeviceTopics topics;
        final Map<String, Object> payload;
        final long startNanos;
        final Duration wait;
        final AtomicLong sends = new AtomicLong();
        final CompletableFuture<CommandResult> future = new CompletableFuture<>();
        volatile ScheduledFuture<?> resender;
        volatile ScheduledFuture<?> timeout;

        Pending(String id, DeviceTopics topics, Map<String, Object> payload, long startNanos, Duration wait) {
            this.id = id;
            this.wait = wait;
            this.topics = topics;
            this.payload = payload;
            this.startNanos = startNanos;
        }

        void cancelTimers() {
            if (resender != null) {
                resender.cancel(false);
            }
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }
}
