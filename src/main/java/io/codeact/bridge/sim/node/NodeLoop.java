package io.codeact.bridge.sim.node;

import io.codeact.bridge.bind.mqtt.Refusal;
import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.SimClock;
import io.codeact.bridge.sim.SimCommandException;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.mqtt.MqttEvent;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's thread: owns the world, takes queued commands, heartbeats and stops, runs the clock mode, and
 * publishes echoes, safety state and telemetry. Handlers on the MQTT thread only queue ({@link #command},
 * {@link #heartbeat}, {@link #stop}); a stop also raises a flag that a running lockstep command checks
 * every tick, so it halts the world at once rather than after the command.
 */
final class NodeLoop {
    private static final Logger LOG = LoggerFactory.getLogger(SimMqttNode.class);
    private static final int REMEMBERED_IDS = 1024;

    private sealed interface Event {}

    private record Command(SimMqttNode.Endpoint endpoint, String topic, byte[] payload) implements Event {}

    private record Heartbeat(String cmdId) implements Event {}

    private record Wake() implements Event {}

    /** A command started in realtime and not yet echoed. */
    private static final class Running {
        final SimMqttNode.Endpoint endpoint;
        final String id;
        final Activity activity;        // null for sim.wait
        final long waitUntilNanos;      // sim time, for sim.wait
        final long limitNanos;          // sim time past which the activity is overdue
        long leaseUntilWall;

        Running(SimMqttNode.Endpoint endpoint, String id, Activity activity, long waitUntilNanos, long limitNanos, long leaseUntilWall) {
            this.endpoint = endpoint;
            this.id = id;
            this.activity = activity;
            this.waitUntilNanos = waitUntilNanos;
            this.limitNanos = limitNanos;
            this.leaseUntilWall = leaseUntilWall;
        }
    }

    private final World world;
    private final MqttTransport transport;
    private final SimMqttNode.Options options;
    private final String device;
    private final Set<String> devices;
    private final BlockingDeque<Event> inbox = new LinkedBlockingDeque<>();
    private final AtomicReference<String> haltRequest = new AtomicReference<>();
    private final Map<String, Map<String, Object>> echoes = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private boolean stopped;
    private long nextTelemetryWall;

    NodeLoop(World world, MqttTransport transport, SimMqttNode.Options options, String device, Set<String> devices) {
        this.world = world;
        this.transport = transport;
        this.options = options;
        this.device = device;
        this.devices = Set.copyOf(devices);
        this.thread = new Thread(this::run, "sim-node-" + device);
        this.thread.setDaemon(true);
    }

    void start() {
        for (String d : devices) {
            publishSafety(d, false, null);
        }
        thread.start();
    }

    void join() throws InterruptedException {
        thread.join();
    }

    void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- MQTT handler side: queue only, never block ----

    void command(SimMqttNode.Endpoint endpoint, String topic, byte[] payload) {
        inbox.offerLast(new Command(endpoint, topic, payload));
    }

    void heartbeat(String topic, byte[] payload) {
        CommandPayload p = CommandPayload.parse(payload);
        if (p.cmdId() == null) {
            transport.reportRejected(topic, MqttEvent.Problem.MALFORMED_PAYLOAD, "a lease heartbeat needs a \"cmd_id\": " + p.problem());
            return;
        }
        inbox.offerLast(new Heartbeat(p.cmdId()));
    }

    void stop(String topic, byte[] payload) {
        String by = topic;
        Map<String, Object> json = CommandPayload.jsonObject(payload);
        if (json != null) {
            if (json.get("by") instanceof String s && !s.isBlank()) {
                by = s;
            }
        } else if (payload.length > 0 && payload.length <= 80) {
            by = new String(payload, StandardCharsets.UTF_8).strip() + " (" + topic + ")";
        }
        haltRequest.set(by);
        inbox.offerFirst(new Wake());  // ahead of every queued command
    }

    // ---- node thread ----

    private void run() {
        try {
            if (options.clock == ClockMode.REALTIME) {
                runRealtime();
            } else {
                while (!closed) {
                    handle(inbox.take());
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (RuntimeException | Error e) {
            if (!closed) {
                LOG.error("sim node {}: the node thread failed; the device goes offline", device, e);
            }
        }
    }

    private void runRealtime() throws InterruptedException {
        double step = options.stepSeconds > 0 ? options.stepSeconds : world.tickSeconds();
        long wallStart = System.nanoTime();
        long simStart;
        synchronized (world) {
            simStart = world.clock().nanos();
        }
        while (!closed) {
            for (Event e = inbox.pollFirst(); e != null; e = inbox.pollFirst()) {
                handle(e);
            }
            long simNow;
            synchronized (world) {
                renewLeases();
                world.step(step);
                finishDone();
                simNow = world.clock().nanos();
            }
            long now = System.nanoTime();
            double hz = options.effectiveTelemetryHz();
            if (hz > 0 && now >= nextTelemetryWall) {
                nextTelemetryWall = now + (long) (1e9 / hz);
                publishTelemetry();
            }
            long due = wallStart + (long) ((simNow - simStart) / options.rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                Event e = inbox.pollFirst(wait, TimeUnit.NANOSECONDS);
                if (e == null) {
                    break;
                }
                handle(e);
            }
        }
    }

    private void handle(Event event) {
        try {
            haltIfRequested();
            switch (event) {
                case Command c -> onCommand(c);
                case Heartbeat h -> {
                    Running r = running.get(h.cmdId());
                    if (r != null) {
                        r.leaseUntilWall = System.nanoTime() + options.lease.toNanos();
                    }
                }
                case Wake w -> { }
            }
        } catch (RuntimeException e) {
            LOG.warn("sim node {}: failed to handle {}", device, event, e);
        }
    }

    private void haltIfRequested() {
        String by = haltRequest.getAndSet(null);
        if (by == null) {
            return;
        }
        Map<String, Object> halted;
        synchronized (world) {
            halted = world.halt(by);
            finishDone();
        }
        LOG.info("sim node {}: stopped by {}: {}", device, by, halted.get("halted"));
        stopped = true;
        for (String d : devices) {
            publishSafety(d, true, by);
        }
    }

    private void onCommand(Command c) {
        CommandPayload p = CommandPayload.parse(c.payload());
        if (p.malformed()) {
            transport.reportRejected(c.topic(), MqttEvent.Problem.MALFORMED_PAYLOAD, p.problem()
                    + (p.cmdId() == null ? "; no cmd_id could be read, so no error echo was sent" : "; refused with an error echo"));
            if (p.cmdId() != null) {
                String key = key(c.endpoint(), p.cmdId());
                if (!echoes.containsKey(key)) {
                    refuse(c.endpoint(), p.cmdId(), Refusal.MALFORMED, c.endpoint().topics().api() + ": " + p.problem());
                }
            }
            return;
        }
        String key = key(c.endpoint(), p.cmdId());
        Map<String, Object> earlier = echoes.get(key);
        if (earlier != null) {
            publishEcho(c.endpoint(), earlier);  // a resend whose echo was lost: answer again, do not apply again
            return;
        }
        if (running.containsKey(p.cmdId())) {
            return;  // a resend of a command still running: its echo comes when it ends
        }
        if (stopped) {
            stopped = false;
            for (String d : devices) {
                publishSafety(d, false, null);
            }
        }
        if (options.clock == ClockMode.LOCKSTEP) {
            runLockstep(c.endpoint(), p);
            publishTelemetry();
        } else {
            startRealtime(c.endpoint(), p);
        }
    }

    private void runLockstep(SimMqttNode.Endpoint e, CommandPayload p) {
        synchronized (world) {
            if (e.simApi() == null) {
                Double seconds = waitSeconds(e, p);
                if (seconds == null) {
                    return;
                }
                long deadline = world.clock().nanos() + SimClock.toNanos(seconds);
                while (world.clock().nanos() < deadline) {  // as World.runUntil(() -> false, s)
                    haltIfRequested();
                    world.step(world.tickSeconds());
                }
                succeed(e, p.cmdId(), Map.of("t", world.clock().seconds()));
                return;
            }
            Activity a = start(e, p);
            if (a == null) {
                return;
            }
            // As World.await: renew (the bridge waiting on it is the live controller) and step, tick by tick.
            long limit = world.clock().nanos() + SimClock.toNanos(a.timeoutSeconds() + 1.0);
            while (!a.done()) {
                if (world.clock().nanos() > limit) {
                    refuse(e, p.cmdId(), Refusal.TIMEOUT, world.name() + ": " + a.api() + " is still running past its timeout of "
                            + a.timeoutSeconds() + " s");
                    return;
                }
                haltIfRequested();
                a.renewLease();
                world.step(world.tickSeconds());
            }
            succeed(e, p.cmdId(), a.result());
        }
    }

    private void startRealtime(SimMqttNode.Endpoint e, CommandPayload p) {
        synchronized (world) {
            long lease = System.nanoTime() + options.lease.toNanos();
            if (e.simApi() == null) {
                Double seconds = waitSeconds(e, p);
                if (seconds != null) {
                    long until = world.clock().nanos() + SimClock.toNanos(seconds);
                    running.put(p.cmdId(), new Running(e, p.cmdId(), null, until, Long.MAX_VALUE, lease));
                    finishDone();
                }
                return;
            }
            Activity a = start(e, p);
            if (a == null) {
                return;
            }
            long limit = world.clock().nanos() + SimClock.toNanos(a.timeoutSeconds() + 1.0);
            running.put(p.cmdId(), new Running(e, p.cmdId(), a, 0, limit, lease));
            finishDone();
        }
    }

    /** Realtime: keeps alive only the motions whose bridge is still beating. */
    private void renewLeases() {
        long now = System.nanoTime();
        for (Running r : running.values()) {
            if (r.activity != null && now < r.leaseUntilWall) {
                r.activity.renewLease();
            }
        }
    }

    /** Echoes every running command that has ended. Called under the world's monitor. */
    private void finishDone() {
        long simNow = world.clock().nanos();
        for (Iterator<Running> it = running.values().iterator(); it.hasNext(); ) {
            Running r = it.next();
            if (r.activity == null) {
                if (simNow >= r.waitUntilNanos) {
                    it.remove();
                    succeed(r.endpoint, r.id, Map.of("t", world.clock().seconds()));
                }
            } else if (r.activity.done()) {
                it.remove();
                succeed(r.endpoint, r.id, r.activity.result());
            } else if (simNow > r.limitNanos) {
                it.remove();
                refuse(r.endpoint, r.id, Refusal.TIMEOUT, world.name() + ": " + r.activity.api()
                        + " is still running past its timeout of " + r.activity.timeoutSeconds() + " s");
            }
        }
    }

    private Activity start(SimMqttNode.Endpoint e, CommandPayload p) {
        Map<String, Object> args = e.binding().fromCommand(p.args());
        try {
            return world.start(e.simApi(), args);
        } catch (SimCommandException x) {
            Refusal kind = switch (x.reason()) {
                case BAD_ARGUMENT -> Refusal.BAD_ARGUMENT;
                case NOT_POSSIBLE -> Refusal.NOT_POSSIBLE;
                case UNKNOWN_API -> Refusal.UNKNOWN_API;
            };
            String message = x.reason() == SimCommandException.Reason.UNKNOWN_API
                    ? x.getMessage() + " (the declaration at " + e.tool().source() + " names a command the " + world.name()
                            + " simulator does not have)"
                    : x.getMessage();
            refuse(e, p.cmdId(), kind, message);
            return null;
        } catch (RuntimeException x) {
            // A world that throws anything else has a bug; the sender still gets an answer and the node goes on.
            LOG.warn("sim node {}: {} failed on {}", device, e.simApi(), args, x);
            refuse(e, p.cmdId(), Refusal.NOT_POSSIBLE, e.simApi() + ": the simulator failed: " + x);
            return null;
        }
    }

    private Double waitSeconds(SimMqttNode.Endpoint e, CommandPayload p) {
        Object s = p.args().get("seconds");
        if (!(s instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 86_400) || p.args().size() != 1) {
            refuse(e, p.cmdId(), Refusal.BAD_ARGUMENT, SimMqttNode.WAIT_API + ": takes one argument, seconds, a number within 0..86400 s; got "
                    + p.args());
            return null;
        }
        return n.doubleValue();
    }

    private void succeed(SimMqttNode.Endpoint e, String id, Map<String, ?> result) {
        Map<String, Object> echo = new LinkedHashMap<>(result);
        echo.put("cmd_id", id);
        echo.put("ts", transport.config().clock().millis());
        remember(e, id, echo);
    }

    private void refuse(SimMqttNode.Endpoint e, String id, Refusal kind, String message) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("cmd_id", id);
        echo.put("ts", transport.config().clock().millis());
        echo.put("error", message);
        echo.put(Refusal.KEY, kind.wireName());
        remember(e, id, echo);
    }

    private void remember(SimMqttNode.Endpoint e, String id, Map<String, Object> echo) {
        Map<String, Object> frozen = Collections.unmodifiableMap(echo);
        echoes.put(key(e, id), frozen);
        publishEcho(e, frozen);
    }

    private void publishEcho(SimMqttNode.Endpoint e, Map<String, Object> echo) {
        try {
            transport.publish(e.topics().state(), "json", echo, Qos.AT_LEAST_ONCE, !echo.containsKey("error"));
        } catch (TransportException x) {
            LOG.warn("sim node {}: could not publish the echo of {} to {}: {}", device, echo.get("cmd_id"), e.topics().state(), x.getMessage());
        }
    }

    private void publishSafety(String d, boolean isStopped, String by) {
        Map<String, Object> safety = new LinkedHashMap<>();
        safety.put("stopped", isStopped);
        safety.put("by", by);
        safety.put("ts", transport.config().clock().millis());
        try {
            transport.publish(SimMqttNode.safetyTopic(options.prefix, d), "json", safety, Qos.AT_LEAST_ONCE, true);
        } catch (TransportException x) {
            LOG.warn("sim node {}: could not publish the safety state: {}", d, x.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private void publishTelemetry() {
        if (options.effectiveTelemetryHz() <= 0) {
            return;
        }
        Map<String, Object> streams;
        synchronized (world) {
            streams = world.telemetry();
        }
        long ts = transport.config().clock().millis();
        for (Map.Entry<String, Object> s : streams.entrySet()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            if (s.getValue() instanceof Map<?, ?> m) {
                payload.putAll((Map<String, Object>) m);
            } else {
                payload.put("value", s.getValue());
            }
            payload.put("ts", ts);
            try {
                transport.publish(SimMqttNode.telemetryTopic(options.prefix, device, s.getKey()), "json", payload, Qos.AT_MOST_ONCE, false);
            } catch (TransportException x) {
                return;  // offline and the buffer is full: the next sample replaces this one
            }
        }
    }

    private static String key(SimMqttNode.Endpoint e, String id) {
        return e.topics().api() + "|" + e.topics().device() + "|" + id;
    }

    List<String> runningIds() {
        return List.copyOf(running.keySet());
    }
}
