package io.codeact.bridge.sim.node;

import io.codeact.bridge.bind.mqtt.MqttToolInvoker;
import io.codeact.bridge.safety.Confirmer;
import io.codeact.bridge.safety.ControlServer;
import io.codeact.bridge.safety.SafetyPolicy;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.safety.StopLatch;
import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.SimClock;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.mqtt.CommandChannel;
import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * {@code codeact bench safety}: how long the emergency stop takes to reach a moving robot, end to end,
 * with and without a telemetry flood on the same broker.
 *
 * <p>Path measured: {@code codeact stop}'s request on the controller's control socket → the process's
 * {@link StopLatch} → the safety gate's halt → a publish on the device's stop topic → the broker → the
 * simulated device node ({@link SimMqttNode}, realtime) → {@link World#halt}. The clock starts when the
 * request is written to the socket and stops inside {@code World.halt} on the device's thread. Each trial
 * first starts a long drive through the gate and waits until the robot moves. The flood is QoS 0 telemetry
 * from another client at the requested rate to a topic the bridge subscribes to, so the broker and the
 * bridge's inbound path are both busy. The anchor is the same stop measured without the flood.
 */
public final class StopLatencyBenchmark {
    /** The result; latencies in ms. */
    public record Result(int trials, double quietP50, double quietP99, double floodP50, double floodP99,
            double floodPublishedPerS, double floodReceivedPerS, String broker) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stop_latency_p50_ms", round(floodP50));
            m.put("stop_latency_p99_ms", round(floodP99));
            m.put("quiet_stop_latency_p50_ms", round(quietP50));
            m.put("quiet_stop_latency_p99_ms", round(quietP99));
            m.put("flood_published_msgs_per_s", Math.round(floodPublishedPerS));
            m.put("flood_received_msgs_per_s", Math.round(floodReceivedPerS));
            m.put("p99_ratio_flood_to_quiet", round(floodP99 / quietP99));
            m.put("target_p99_ms", 50);
            m.put("trials", trials);
            m.put("broker", broker);
            return m;
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    private StopLatencyBenchmark() {}

    /**
     * Runs {@code trials} stops without and then with a flood of {@code floodRate} msg/s.
     *
     * @param brokerUrl an external broker, or null for an embedded one
     */
    public static Result run(Path toolsDir, String brokerUrl, int trials, int floodRate) throws Exception {
        EmbeddedBroker embedded = brokerUrl == null ? EmbeddedBroker.start(0) : null;
        String url = brokerUrl != null ? brokerUrl : embedded.url();
        String prefix = "bench" + Long.toHexString(System.nanoTime() & 0xffffff);
        Path runDir = Files.createTempDirectory("codeact-bench-safety");
        TimedWorld world = new TimedWorld(WorldRegistry.standard().create("warehouse", 7, Map.of()));
        ToolSet tools = ToolSet.load(List.of(SimWorldSession.declarations("warehouse", toolsDir)));
        StopLatch latch = new StopLatch();
        SimMqttNode node = SimMqttNode.connect(world, tools, n -> n.brokerUrl(url).prefix(prefix).device("robot")
                .realtime(1.0).telemetryHz(10).lease(Duration.ofSeconds(1)));
        MqttTransport bridge = MqttTransport.connect(c -> c.brokerUrl(url).prefix(prefix));
        CommandChannel channel = CommandChannel.open(bridge, c -> c.prefix(prefix));
        MqttToolInvoker invoker = MqttToolInvoker.create(bridge, channel, i -> i.prefix(prefix).device("robot")
                .lease(Duration.ofSeconds(1)));
        String stopTopic = SimMqttNode.stopTopic(prefix, "robot");
        SimWorldSession sim = SimWorldSession.bound(world, tools, invoker, s -> s, () -> { },
                new SafetySettings(SafetyPolicy.defaults(), Confirmer.fixed(false, "bench"), latch, false),
                reason -> {
                    bridge.publish(stopTopic, "text", Map.of("text", reason));
                    return Map.of("halted", List.of("all"), "reason", reason);
                });
        AtomicLong received = new AtomicLong();
        var floodSub = bridge.subscribe(prefix + "/flood/#", "raw", Qos.AT_MOST_ONCE, m -> received.incrementAndGet());
        try (ControlServer control = ControlServer.start(latch, runDir)) {
            ToolDeclaration drive = sim.tools().find("robot.base.drive").orElseThrow();
            trial(sim, drive, world, latch, runDir, 3); // warm-up
            double[] quiet = trial(sim, drive, world, latch, runDir, trials);
            MqttTransport flooder = MqttTransport.connect(c -> c.brokerUrl(url).prefix(prefix + "-flood").availability(false));
            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicLong published = new AtomicLong();
            Thread floodThread = Thread.ofPlatform().daemon().name("bench-flood").start(
                    () -> flood(flooder, prefix + "/flood/robot/telemetry", floodRate, flooding, published));
            Thread.sleep(500);
            long r0 = received.get();
            long p0 = published.get();
            long t0 = System.nanoTime();
            double[] flooded = trial(sim, drive, world, latch, runDir, trials);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double pubRate = (published.get() - p0) / seconds;
            double recvRate = (received.get() - r0) / seconds;
            flooding.set(false);
            floodThread.join(2000);
            flooder.close();
            return new Result(trials, pct(quiet, 50), pct(quiet, 99), pct(flooded, 50), pct(flooded, 99), pubRate, recvRate,
                    brokerUrl != null ? brokerUrl : "embedded HiveMQ CE");
        } finally {
            floodSub.close();
            sim.close();
            channel.close();
            bridge.close();
            node.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** {@code n} stops of a moving robot; returns each latency in ms. */
    private static double[] trial(SimWorldSession sim, ToolDeclaration drive, TimedWorld world, StopLatch latch, Path runDir,
            int n) throws Exception {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (latch.stopped()) {
                latch.resume("bench");
            }
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("linear", 0.2);
            args.put("angular", 0.6); // circle in place-ish: stays clear of walls over many trials
            args.put("duration", 30.0);
            Thread driver = Thread.ofPlatform().daemon().name("bench-drive").start(() -> {
                try {
                    sim.safety().invoke(drive, args);
                } catch (RuntimeException expected) {
                    // ends "stopped" or refused: either way the trial measured the halt
                }
            });
            if (!await(() -> world.moving(), 5000)) {
                throw new IllegalStateException("the robot did not start moving within 5 s (trial " + (i + 1) + ")");
            }
            long before = world.halts.get();
            long t0 = System.nanoTime();
            List<String> replies = ControlServer.sendAll(runDir, "stop bench");
            if (replies.isEmpty() || !replies.get(0).startsWith("ok")) {
                throw new IllegalStateException("the control socket did not take the stop: " + replies);
            }
            if (!await(() -> world.halts.get() > before, 5000)) {
                throw new IllegalStateException("the stop did not reach the device within 5 s (trial " + (i + 1) + ")");
            }
            out[i] = (world.lastHaltNanos - t0) / 1e6;
            driver.join(10_000);
        }
        return out;
    }

    private static void flood(MqttTransport t, String topic, int rate, AtomicBoolean on, AtomicLong published) {
        byte[] payload = "{\"x\":1.0,\"y\":2.0,\"theta\":0.5,\"ts\":1764109234123}".getBytes(StandardCharsets.UTF_8);
        long interval = 1_000_000L; // 1 ms batches
        int perBatch = Math.max(1, rate / 1000);
        long next = System.nanoTime();
        while (on.get()) {
            for (int i = 0; i < perBatch; i++) {
                try {
                    t.publishBytes(topic, payload, Qos.AT_MOST_ONCE, false);
                    published.incrementAndGet();
                } catch (RuntimeException e) {
                    // a full client buffer drops the sample (QoS 0 telemetry); the rate reported is what went out
                }
            }
            next += interval;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(sleep);
            }
        }
    }

    private static boolean await(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(0, 200_000);
        }
        return true;
    }

    private static double pct(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    /** The world, timing its halts (the moment the stop reaches the robot) and telling whether the base moves. */
    static final class TimedWorld implements World {
        private final World inner;
        final AtomicLong halts = new AtomicLong();
        volatile long lastHaltNanos;
        private volatile boolean moving;

        TimedWorld(World inner) {
            this.inner = inner;
        }

        boolean moving() {
            return moving;
        }

        @Override
        public Map<String, Object> halt(String reason) {
            long t = System.nanoTime();
            Map<String, Object> r = inner.halt(reason);
            lastHaltNanos = t;
            halts.incrementAndGet();
            return r;
        }

        @Override
        public void step(double dtSeconds) {
            inner.step(dtSeconds);
            Object robots = inner.state().get("robots");
            boolean m = false;
            if (robots instanceof Map<?, ?> rs) {
                for (Object r : rs.values()) {
                    if (r instanceof Map<?, ?> rm && rm.get("linear") instanceof Number v && Math.abs(v.doubleValue()) > 0.05) {
                        m = true;
                    }
                }
            }
            moving = m;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public long seed() {
            return inner.seed();
        }

        @Override
        public SimClock clock() {
            return inner.clock();
        }

        @Override
        public double tickSeconds() {
            return inner.tickSeconds();
        }

        @Override
        public Set<String> apis() {
            return inner.apis();
        }

        @Override
        public Activity start(String api, Map<String, ?> args) {
            return inner.start(api, args);
        }

        @Override
        public Map<String, Object> state() {
            return inner.state();
        }

        @Override
        public Map<String, Object> telemetry() {
            return inner.telemetry();
        }

        @Override
        public void reset(long seed) {
            inner.reset(seed);
        }
    }
}
