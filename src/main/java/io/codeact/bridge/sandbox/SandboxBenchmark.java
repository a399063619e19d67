package io.codeact.bridge.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sandbox benchmark behind {@code codeact bench sandbox}: action overhead, host-call cost, session
 * start, memory per idle session, and a CPU-bound workload timed against {@code /usr/bin/python3} on the
 * same code in the same run. Every loop is bounded. Progress lines go to {@code progress}.
 */
public final class SandboxBenchmark {
    /** The CPU workload: integer arithmetic, function calls, a dict and a list, as model code does. */
    static final String CPU_WORKLOAD = """
            def _work(n):
                total = 0
                seen = {}
                for i in range(n):
                    k = (i * i + 3 * i) % 97
                    seen[k] = seen.get(k, 0) + 1
                    total += _step(k)
                return total + len(seen)

            def _step(k):
                return k // 3 if k % 2 else k * 2
            """;
    private static final int CPU_N = 1_000_000;

    /** All figures of one run. Times in milliseconds unless the name says otherwise. */
    public record Result(
            String jit,
            double trivialActionP50Ms,
            double trivialActionP99Ms,
            double hostCallUs,
            double pythonCallUs,
            double coldStartMs,
            double warmSessionMs,
            double idleSessionMb,
            int idleSessionsMeasured,
            int sessionsPerNodeEstimate,
            long maxHeapMb,
            double cpuLoopMs,
            double cpythonCpuLoopMs,
            double cpuSpeedupVsCpython) {}

    private final int trivialActions;
    private final int idleSessions;
    private final Path launcher;
    private final Consumer<String> progress;

    /**
     * @param trivialActions how many trivial actions to time
     * @param idleSessions how many idle sessions to open for the memory figure
     * @param launcher {@code bin/codeact}, for the cold-start figure (null to skip it)
     */
    public SandboxBenchmark(int trivialActions, int idleSessions, Path launcher, Consumer<String> progress) {
        this.trivialActions = trivialActions;
        this.idleSessions = idleSessions;
        this.launcher = launcher;
        this.progress = progress;
    }

    public Result run() throws Exception {
        double coldStart = launcher == null ? Double.NaN : coldStartMs();
        try (SandboxEngine engine = SandboxEngine.create(c -> {
            c.warmSessions = 1;
            c.actionTimeout = Duration.ofMinutes(2);
        })) {
            progress.accept("warming the engine");
            engine.awaitWarm();
            double[] trivial;
            double hostUs;
            double pyUs;
            double cpu;
            try (Session s = engine.openSession("bench")) {
                trivial = trivialActions(s);
                double[] calls = hostCalls(s);
                hostUs = calls[0];
                pyUs = calls[1];
                cpu = cpuLoopMs(s);
            }
            double warm = warmSessionMs(engine);
            long maxHeap = Runtime.getRuntime().maxMemory();
            double idleMb = idleSessionMb(engine);
            double cpython = cpythonCpuLoopMs();
            int perNode = (int) Math.floor((maxHeap * engine.config().heapKillFraction() / (1 << 20)) / idleMb);
            return new Result(System.getProperty("codeact.jit", "unknown"),
                    percentile(trivial, 50), percentile(trivial, 99), hostUs, pyUs, coldStart, warm,
                    idleMb, idleSessions, perNode, maxHeap >> 20, cpu, cpython,
                    Double.isNaN(cpython) ? Double.NaN : cpython / cpu);
        }
    }

    private double[] trivialActions(Session s) {
        progress.accept("timing " + trivialActions + " trivial actions");
        for (int i = 0; i < Math.max(200, trivialActions / 5); i++) {
            s.execute("x = 1");
        }
        double[] ms = new double[trivialActions];
        for (int i = 0; i < trivialActions; i++) {
            ActionResult r = s.execute("x = 1");
            ms[i] = r.durationMillis();
        }
        return ms;
    }

    /** Microseconds per call of a no-op host function, and of a no-op Python function (the anchor). */
    private double[] hostCalls(Session s) {
        progress.accept("timing host calls");
        s.expose(PyApi.function("noop", "Does nothing.", List.of(Param.required("x", "anything")), a -> null));
        s.execute("""
                import time
                def _py_noop(x):
                    return None
                def _time_calls(fn, n):
                    start = time.perf_counter()
                    for i in range(n):
                        fn(i)
                    return (time.perf_counter() - start) / n * 1e6
                """);
        double host = Double.MAX_VALUE;
        double py = Double.MAX_VALUE;
        for (int round = 0; round < 16; round++) {  // the JIT needs ~10 rounds to settle on 2 cores
            host = Math.min(host, Double.parseDouble(s.execute("print(_time_calls(noop, 100000))").stdout().strip()));
            py = Math.min(py, Double.parseDouble(s.execute("print(_time_calls(_py_noop, 100000))").stdout().strip()));
        }
        return new double[] {host, py};
    }

    private double cpuLoopMs(Session s) {
        progress.accept("timing the CPU workload in GraalPy");
        s.execute(CPU_WORKLOAD);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            ActionResult r = s.execute("import time\n_t = time.perf_counter()\n_work(" + CPU_N + ")\nprint((time.perf_counter() - _t) * 1000)");
            if (!r.ok()) {
                throw new IllegalStateException("the CPU workload failed: " + r.error());
            }
            best = Math.min(best, Double.parseDouble(r.stdout().strip()));
        }
        return best;
    }

    /** The same workload in /usr/bin/python3 (best of 5), or NaN when CPython is not installed. */
    private double cpythonCpuLoopMs() throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            progress.accept("no /usr/bin/python3: the CPython anchor is skipped");
            return Double.NaN;
        }
        progress.accept("timing the CPU workload in CPython (" + python + ")");
        String script = CPU_WORKLOAD + """
                import time
                best = None
                for _ in range(5):
                    t = time.perf_counter()
                    _work(%d)
                    ms = (time.perf_counter() - t) * 1000
                    best = ms if best is None else min(best, ms)
                print(best)
                """.formatted(CPU_N);
        Process p = new ProcessBuilder(python.toString(), "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("CPython failed on the workload: " + out);
        }
        return Double.parseDouble(out);
    }

    /** Milliseconds from asking for a session (warm pool full) to the result of its first action. */
    private double warmSessionMs(SandboxEngine engine) throws InterruptedException {
        progress.accept("timing warm session starts");
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            engine.awaitWarm();
            long t = System.nanoTime();
            try (Session s = engine.openSession("warm-" + i)) {
                s.execute("x = 1");
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        return percentile(ms, 50);
    }

    /** Heap per idle session: open N sessions with a variable each, collect, compare heap use. */
    private double idleSessionMb(SandboxEngine engine) {
        progress.accept("opening " + idleSessions + " idle sessions for the memory figure");
        long before = usedAfterGc();
        List<Session> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < idleSessions; i++) {
                Session s = engine.openSession("idle-" + i);
                s.execute("state = {'id': " + i + ", 'pose': [0.0, 0.0, 0.0]}");
                sessions.add(s);
            }
            long after = usedAfterGc();
            return (after - before) / (double) idleSessions / (1 << 20);
        } finally {
            sessions.forEach(Session::close);
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Process start to first action result through bin/codeact exec (median of 3). */
    private double coldStartMs() throws IOException, InterruptedException {
        progress.accept("timing cold starts through " + launcher);
        double[] ms = new double[3];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            Process p = new ProcessBuilder(launcher.toString(), "exec", "--json", "-")
                    .redirectErrorStream(true).start();
            p.getOutputStream().write("print('ready')\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || !out.contains("ready")) {
                throw new IllegalStateException("cold start run failed: " + out);
            }
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return percentile(ms, 50);
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The figures as the JSON object {@code codeact bench sandbox --json} prints. */
    public static Map<String, Object> toJson(Result r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("jit", r.jit());
        m.put("trivial_action_p50_ms", round(r.trivialActionP50Ms()));
        m.put("trivial_action_p99_ms", round(r.trivialActionP99Ms()));
        m.put("host_call_us", round(r.hostCallUs()));
        m.put("python_call_us", round(r.pythonCallUs()));
        m.put("cold_start_ms", round(r.coldStartMs()));
        m.put("warm_session_ms", round(r.warmSessionMs()));
        m.put("idle_session_mb", round(r.idleSessionMb()));
        m.put("idle_sessions_measured", r.idleSessionsMeasured());
        m.put("sessions_per_node_estimate", r.sessionsPerNodeEstimate());
        m.put("max_heap_mb", r.maxHeapMb());
        m.put("cpu_loop_ms", round(r.cpuLoopMs()));
        m.put("cpython_cpu_loop_ms", round(r.cpythonCpuLoopMs()));
        m.put("cpu_speedup_vs_cpython", round(r.cpuSpeedupVsCpython()));
        return m;
    }

    private static Object round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
    }
}
