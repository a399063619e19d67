package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The measurements of {@code codeact bench mqtt}, per broker (the embedded one, and an external one if
 * given), each with its anchor measured through the same broker in the same run:
 * <ul>
 *   <li>{@code rtt_p50_ms}/{@code rtt_p99_ms}: QoS 0, 64-byte payload, one client publishing to a topic it
 *       subscribes to, one message in flight, timed from publish to delivery;</li>
 *   <li>{@code libmosquitto_rtt_p50_ms}: the same by {@code src/main/c/mqtt_rtt.c}, compiled with gcc now;</li>
 *   <li>{@code ingest_msgs_per_s}: JSON telemetry from a second client through {@link TelemetryIngest}
 *       (type checks on) into a {@link TelemetrySink} ({@link LatestValues} unless another is given);</li>
 *   <li>{@code libmosquitto_ingest_msgs_per_s}: the same messages from one libmosquitto client to another
 *       ({@code src/main/c/mqtt_ingest.c}, no decoding), through the same broker: what the broker and this
 *       machine's cores allow at all.</li>
 * </ul>
 * Bounded loops, loopback only. Not thread-safe; one run at a time.
 */
public final class MqttBench {
    private final Options options;
    private final List<String> notes = new ArrayList<>();
    private Path ingestAnchor;

    /**
     * @param brokerUrl an external broker to measure besides the embedded one, or null
     * @param cSource the anchor's C source; {@code workDir} gets the compiled program
     */
    public record Options(String brokerUrl, int warmup, int samples, int ingestMessages, Path cSource, Path workDir,
            Supplier<TelemetrySink> sink) {}

    public MqttBench(Options options) {
        this.options = options;
    }

    /** Runs every measurement; one map of figures per broker, in the order of {@code --json}'s output. */
    public List<Map<String, Object>> run() {
        Path anchor = compileAnchor(options.cSource(), "mqtt_rtt");
        ingestAnchor = options.cSource() == null ? null : compileAnchor(options.cSource().resolveSibling("mqtt_ingest.c"), "mqtt_ingest");
        List<Map<String, Object>> results = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            results.add(measure("embedded", broker.url(), anchor));
        }
        if (options.brokerUrl() != null) {
            results.add(measure("external", options.brokerUrl(), anchor));
        }
        return results;
    }

    private Map<String, Object> measure(String kind, String url, Path anchor) {
        List<String> anchorNotes = List.copyOf(notes);
        notes.clear();
        notes.addAll(anchorNotes);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("broker", kind);
        r.put("url", url);
        double[] rtt = rtt(url);
        r.put("rtt_p50_ms", round(rtt[0]));
        r.put("rtt_p99_ms", round(rtt[1]));
        if (anchor != null) {
            Map<String, Double> c = runAnchor(anchor, url);
            r.put("libmosquitto_rtt_p50_ms", c.get("p50_ms"));
            r.put("libmosquitto_rtt_p99_ms", c.get("p99_ms"));
            r.put("rtt_p50_ratio", round(rtt[0] / c.get("p50_ms")));
        } else {
            r.put("libmosquitto_rtt_p50_ms", null);
            r.put("libmosquitto_rtt_p99_ms", null);
            r.put("rtt_p50_ratio", null);
        }
        long[] ingest = ingest(url);
        r.put("ingest_msgs_per_s", ingest[0]);
        Double cIngest = ingestAnchor == null ? null : runIngestAnchor(ingestAnchor, url);
        r.put("libmosquitto_ingest_msgs_per_s", cIngest);
        r.put("ingest_ratio", cIngest == null || cIngest <= 0 ? null : round(ingest[0] / cIngest));
        r.put("ingest_messages_sent", (long) options.ingestMessages());
        r.put("ingest_messages_accepted", ingest[1]);
        r.put("command_rtt_p50_ms", null);
        r.put("command_rtt_note", "measured by the caller with the tool layer (codeact bench mqtt: sim.node.CommandRttBenchmark)");
        r.put("notes", List.copyOf(notes));
        notes.retainAll(anchorNotes);
        return r;
    }

    /** QoS 0, 64 bytes, publish to own subscription, one in flight. */
    private double[] rtt(String url) {
        try (MqttTransport t = MqttTransport.connect(c -> c.brokerUrl(url).availability(false).clientId("codeact-bench-rtt-" + ProcessHandle.current().pid()))) {
            String topic = "codeact/bench/rtt/" + ProcessHandle.current().pid();
            AtomicLong arrived = new AtomicLong();
            Object lock = new Object();
            t.subscribe(topic, "raw", Qos.AT_MOST_ONCE, m -> {
                long now = System.nanoTime();
                synchronized (lock) {
                    arrived.set(now);
                    lock.notifyAll();
                }
            });
            byte[] payload = new byte[64];
            Arrays.fill(payload, (byte) 'x');
            double[] ms = new double[options.samples()];
            for (int i = 0; i < options.warmup() + options.samples(); i++) {
                long start;
                synchronized (lock) {
                    arrived.set(0);
                    start = System.nanoTime();
                    t.publishBytes(topic, payload, Qos.AT_MOST_ONCE, false);
                    long deadline = start + TimeUnit.SECONDS.toNanos(5);
                    while (arrived.get() == 0) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new TransportException("bench: message " + i + " did not come back from " + url + " within 5 s");
                        }
                        lock.wait(Math.max(1, left / 1_000_000), 0);
                    }
                }
                if (i >= options.warmup()) {
                    ms[i - options.warmup()] = (arrived.get() - start) / 1e6;
                }
            }
            Arrays.sort(ms);
            return new double[] {ms[ms.length / 2], ms[(int) (ms.length * 0.99)]};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("bench interrupted", e);
        }
    }

    /** Telemetry from a second client into the sink; messages per second from the first to the last accepted one. */
    private long[] ingest(String url) {
        int n = options.ingestMessages();
        TelemetrySink target = options.sink().get();
        AtomicLong accepted = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        CountDownLatch all = new CountDownLatch(1);
        String prefix = "codeact-bench-" + ProcessHandle.current().pid();
        try (MqttTransport bridge = MqttTransport.connect(c -> c.brokerUrl(url).prefix(prefix).availability(false));
                MqttTransport device = MqttTransport.connect(c -> c.brokerUrl(url).availability(false));
                TelemetryIngest ingest = TelemetryIngest.start(bridge, b -> b.topic(prefix + "/+/base/state",
                        Map.of("x", FieldType.NUMBER, "y", FieldType.NUMBER, "seq", FieldType.INTEGER)).sink(m -> {
                            long now = System.nanoTime();
                            target.accept(m);
                            if (accepted.incrementAndGet() == 1) {
                                first.set(now);
                            }
                            last.set(now);
                            if (accepted.get() == n) {
                                all.countDown();
                            }
                        }))) {
            for (int i = 0; i < n; i++) {
                String json = "{\"x\":" + (i * 0.001) + ",\"y\":" + (i * 0.002) + ",\"seq\":" + i + "}";
                device.publishBytes(prefix + "/r" + (i % 100) + "/base/state", json.getBytes(StandardCharsets.UTF_8), Qos.AT_MOST_ONCE, false);
            }
            // QoS 0 may be dropped under load: stop when all arrived or nothing came for 2 s.
            long seen = -1;
            while (!all.await(2, TimeUnit.SECONDS) && accepted.get() != seen) {
                seen = accepted.get();
            }
            long got = accepted.get();
            if (got < n) {
                notes.add("ingest: " + (n - got) + " of " + n + " QoS 0 messages were dropped on the way (broker or client queues)");
            }
            double seconds = Math.max(1e-9, (last.get() - first.get()) / 1e9);
            return new long[] {got < 2 ? 0 : Math.round((got - 1) / seconds), got};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("bench interrupted", e);
        }
    }

    private Path compileAnchor(Path source, String name) {
        if (source == null || !Files.isRegularFile(source)) {
            notes.add("libmosquitto anchor skipped: its source " + source + " is missing");
            return null;
        }
        if (!Files.isRegularFile(Path.of("/usr/include/mosquitto.h"))) {
            notes.add("libmosquitto anchor skipped: /usr/include/mosquitto.h is missing (apt-get install libmosquitto-dev)");
            return null;
        }
        try {
            Files.createDirectories(options.workDir());
            Path binary = options.workDir().resolve(name);
            Process gcc = new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.toString(), "-lmosquitto", "-lpthread")
                    .redirectErrorStream(true).start();
            String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                notes.add("libmosquitto anchor skipped: gcc failed: " + out.strip());
                return null;
            }
            return binary;
        } catch (IOException e) {
            notes.add("libmosquitto anchor skipped: gcc could not be run (" + e.getMessage() + "); apt-get install gcc libmosquitto-dev");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Map<String, Double> runAnchor(Path binary, String url) {
        String serverUri = MqttConfig.serverUri(url);
        String hostPort = serverUri.substring(6);
        int colon = hostPort.lastIndexOf(':');
        try {
            Process p = new ProcessBuilder(binary.toString(), hostPort.substring(0, colon).replace("[", "").replace("]", ""),
                    hostPort.substring(colon + 1), String.valueOf(options.warmup()), String.valueOf(options.samples()))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new TransportException("the libmosquitto anchor failed against " + url + ": " + out);
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            for (String part : out.replaceAll("[{}\"]", "").split(",")) {
                String[] kv = part.split(":");
                figures.put(kv[0], Double.parseDouble(kv[1]));
            }
            return figures;
        } catch (IOException e) {
            throw new TransportException("cannot run the libmosquitto anchor " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("bench interrupted", e);
        }
    }

    /** The libmosquitto ingest anchor through {@code url}: messages per second, first to last arrival. */
    private Double runIngestAnchor(Path binary, String url) {
        String hostPort = MqttConfig.serverUri(url).substring(6);
        int colon = hostPort.lastIndexOf(':');
        try {
            Process p = new ProcessBuilder(binary.toString(), hostPort.substring(0, colon).replace("[", "").replace("]", ""),
                    hostPort.substring(colon + 1), String.valueOf(options.ingestMessages()), "codeact-bench-c-" + ProcessHandle.current().pid(), "both")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                notes.add("libmosquitto ingest anchor failed against " + url + ": " + out);
                return null;
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            for (String part : out.replaceAll("[{}\"]", "").split(",")) {
                String[] kv = part.split(":");
                figures.put(kv[0], Double.parseDouble(kv[1]));
            }
            if (figures.get("received") < options.ingestMessages()) {
                notes.add("libmosquitto ingest anchor: " + Math.round(options.ingestMessages() - figures.get("received")) + " of "
                        + options.ingestMessages() + " QoS 0 messages were dropped on the way");
            }
            return figures.get("msgs_per_s");
        } catch (IOException e) {
            notes.add("libmosquitto ingest anchor could not run: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("bench interrupted", e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
