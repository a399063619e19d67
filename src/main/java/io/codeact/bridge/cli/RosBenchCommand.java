package io.codeact.bridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.transport.ros.RosMaster;
import io.codeact.bridge.transport.ros.RosNode;
import io.codeact.bridge.transport.ros.RosPublisher;
import io.codeact.bridge.transport.ros.RosSubscriber;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code codeact bench ros}: Float64 ping-pong round trips through TCPROS between two of our nodes, and the
 * same ping-pong between two rospy nodes (the anchor) through the same master in the same run.
 */
@Command(name = "ros", mixinStandardHelpOptions = true,
        description = {"TCPROS Float64 ping-pong round trip, p50/p99, ours vs rospy's in the same run.",
            "Starts an embedded master unless --master is given; loopback only."})
final class RosBenchCommand implements Callable<Integer> {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration ANSWER = Duration.ofSeconds(5);

    @Mixin
    RosConnection ros;
    @Spec
    CommandSpec spec;
    @Option(names = "--count", paramLabel = "N", description = "timed round trips (default 2000)")
    int count = 2000;
    @Option(names = "--warmup", paramLabel = "N", description = "untimed round trips first (default 500)")
    int warmup = 500;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || warmup < 0 || count > 1_000_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be 1..1000000 and --warmup ≥ 0");
        }
        RosMaster embedded = ros.master == null ? RosMaster.start("127.0.0.1", 0) : null;
        String masterUri = embedded != null ? embedded.uri() : ros.masterUri();
        PrintWriter err = spec.commandLine().getErr();
        try {
            double[] ours = javaRoundTrips(masterUri);
            double[] anchor = null;
            String anchorProblem = null;
            try {
                anchor = rospyRoundTrips(masterUri);
            } catch (IOException | IllegalStateException e) {
                anchorProblem = e.getMessage();
            }
            report(masterUri, ours, anchor);
            if (anchorProblem != null) {
                err.println("codeact bench ros: the rospy anchor could not run: " + anchorProblem);
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private double[] javaRoundTrips(String masterUri) throws InterruptedException {
        String ping = "/codeact_bench/java/ping";
        String pong = "/codeact_bench/java/pong";
        try (RosNode ponger = RosNode.builder(RosConnection.anonymousName("bench_pong")).masterUri(masterUri).start();
                RosNode pinger = RosNode.builder(RosConnection.anonymousName("bench_ping")).masterUri(masterUri).start()) {
            RosPublisher pongs = ponger.advertise(pong, "std_msgs/Float64");
            RosSubscriber pingIn = ponger.subscribe(ping, "std_msgs/Float64", pongs::publish);
            BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
            RosSubscriber pongIn = pinger.subscribe(pong, "std_msgs/Float64", m -> answers.add(m.get("data")));
            RosPublisher pings = pinger.advertise(ping, "std_msgs/Float64");
            if (!pings.awaitSubscribers(1, Duration.ofSeconds(20)) || !pongIn.awaitPublishers(1, Duration.ofSeconds(20))
                    || !pingIn.awaitPublishers(1, Duration.ofSeconds(20))) {
                throw new IllegalStateException("our ping and pong nodes did not connect within 20 s through " + masterUri);
            }
            double[] rtts = new double[count];
            for (int i = 0; i < warmup + count; i++) {
                long start = System.nanoTime();
                pings.publish(Map.of("data", (double) i));
                Object answer = answers.poll(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
                long took = System.nanoTime() - start;
                if (answer == null) {
                    throw new IllegalStateException("no pong within " + ANSWER.toSeconds() + " s for ping " + i);
                }
                if (i >= warmup) {
                    rtts[i - warmup] = took / 1e6;
                }
            }
            return rtts;
        }
    }

    private double[] rospyRoundTrips(String masterUri) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(PYTHON + " is missing; install Debian's python3-rospy and ros-std-msgs");
        }
        Path dir = Files.createTempDirectory("codeact-bench-ros");
        Path script = dir.resolve("rospy_ping_pong.py");
        try (InputStream in = RosBenchCommand.class.getResourceAsStream("rospy_ping_pong.py")) {
            Files.copy(in, script);
        }
        String ping = "/codeact_bench/rospy/ping";
        String pong = "/codeact_bench/rospy/pong";
        Process ponger = python(dir, masterUri, script.toString(), "pong", ping, pong);
        try {
            BufferedReader pongOut = reader(ponger);
            String ready = readLine(pongOut, Duration.ofSeconds(30));
            if (!"\"READY\"".equals(ready)) {
                throw new IllegalStateException("the rospy pong node did not start (" + ready + "): " + stderr(dir, "pong"));
            }
            Process pinger = python(dir, masterUri, script.toString(), "ping", ping, pong, String.valueOf(count),
                    String.valueOf(warmup));
            try {
                String line = readLine(reader(pinger), Duration.ofSeconds(60 + count / 100));
                if (line == null) {
                    throw new IllegalStateException("the rospy ping node printed nothing: " + stderr(dir, "ping"));
                }
                JsonNode result = new ObjectMapper().readTree(line);
                if (result.has("error")) {
                    throw new IllegalStateException("the rospy ping node failed: " + result.get("error").asText());
                }
                double[] rtts = new double[result.get("rtt_ms").size()];
                for (int i = 0; i < rtts.length; i++) {
                    rtts[i] = result.get("rtt_ms").get(i).asDouble();
                }
                return rtts;
            } finally {
                kill(pinger);
            }
        } finally {
            kill(ponger);
        }
    }

    private static Process python(Path dir, String masterUri, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve(args[1] + ".err").toFile());
        pb.environment().put("ROS_MASTER_URI", masterUri);
        pb.environment().put("ROS_HOME", dir.toString());
        pb.environment().put("ROS_LOG_DIR", dir.resolve("log").toString());
        pb.environment().put("ROS_IP", "127.0.0.1");
        pb.environment().remove("ROS_HOSTNAME");
        return pb.start();
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /** One line, or null if none comes within {@code timeout}. */
    private static String readLine(BufferedReader reader, Duration timeout) throws InterruptedException {
        BlockingQueue<String> line = new LinkedBlockingQueue<>(1);
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                String l = reader.readLine();
                line.add(l == null ? "" : l);
            } catch (IOException e) {
                line.add("");
            }
        });
        String got = line.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        t.interrupt();
        return got == null || got.isEmpty() ? null : got;
    }

    private static String stderr(Path dir, String role) {
        try {
            String text = Files.readString(dir.resolve(role + ".err"));
            return text.isBlank() ? "(no stderr)" : text.strip();
        } catch (IOException e) {
            return "(no stderr)";
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void report(String masterUri, double[] ours, double[] anchor) {
        double p50 = percentile(ours, 50);
        double p99 = percentile(ours, 99);
        Double rp50 = anchor == null ? null : percentile(anchor, 50);
        Double rp99 = anchor == null ? null : percentile(anchor, 99);
        PrintWriter out = spec.commandLine().getOut();
        if (ros.json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rtt_p50_ms", round(p50));
            row.put("rtt_p99_ms", round(p99));
            row.put("rospy_rtt_p50_ms", rp50 == null ? null : round(rp50));
            row.put("rospy_rtt_p99_ms", rp99 == null ? null : round(rp99));
            row.put("ratio_p50", rp50 == null ? null : round(p50 / rp50));
            row.put("ratio_p99", rp99 == null ? null : round(p99 / rp99));
            row.put("round_trips", count);
            row.put("warmup", warmup);
            row.put("master", masterUri);
            out.println(RosText.toJson(row));
            return;
        }
        out.printf("TCPROS std_msgs/Float64 ping-pong: %d round trips after %d warm-up, master %s%n", count, warmup, masterUri);
        out.printf("  codeact (Java)   p50 %8.3f ms   p99 %8.3f ms%n", p50, p99);
        if (anchor != null) {
            out.printf("  rospy (anchor)   p50 %8.3f ms   p99 %8.3f ms%n", rp50, rp99);
            out.printf("  ours / rospy     p50 %8.2f      p99 %8.2f%n", p50 / rp50, p99 / rp99);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
