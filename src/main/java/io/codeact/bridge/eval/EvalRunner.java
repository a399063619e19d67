package io.codeact.bridge.eval;

import io.codeact.bridge.agent.Agent;
import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs tasks as episodes — each task in a fresh world and session, per mode and repeat — checks their
 * success on the world's final state and the answer, and summarises per mode. Episodes run in parallel
 * on {@code parallelism} threads sharing one sandbox engine.
 */
public final class EvalRunner {
    /** One episode's figures. */
    public record EpisodeSummary(String task, String world, String difficulty, String mode, int repeat, String outcome,
            boolean success, int turns, int actions, int errors, int safetyViolations, long tokens, double wallSeconds,
            String log, List<String> checkFailures) {}

    /** One mode's figures over all its episodes. */
    public record ModeSummary(int tasks, int episodes, double successRate, List<Double> successRateByRepeat,
            double meanTurns, double meanActions, int safetyViolations, long tokens, double wallSeconds) {}

    public record Report(Map<String, ModeSummary> modes, List<EpisodeSummary> episodes) {}

    /** Opens a task's world for one episode through some binding; {@code episode} is unique per run (for topic prefixes). */
    @FunctionalInterface
    public interface WorldBinding {
        SimWorldSession open(Task task, String episode) throws Exception;
    }

    private final Path toolsDir;
    private final Path outDir;
    private final int parallelism;
    private final Duration actionTimeout;
    private final Function<Task, SafetySettings> safety;
    private WorldBinding worlds;

    /**
     * @param toolsDir robot-tools/
     * @param outDir where episode logs are kept, or null to keep them in a temporary directory
     */
    public EvalRunner(Path toolsDir, Path outDir, int parallelism, Duration actionTimeout) {
        this(toolsDir, outDir, parallelism, actionTimeout, task -> SafetySettings.unattendedSimulator());
    }

    /**
     * @param safety the safety layer of each episode (a latch of its own per episode: episodes run in parallel)
     */
    public EvalRunner(Path toolsDir, Path outDir, int parallelism, Duration actionTimeout,
            Function<Task, SafetySettings> safety) {
        this.safety = safety;
        this.toolsDir = toolsDir;
        this.outDir = outDir;
        this.parallelism = Math.max(1, parallelism);
        this.actionTimeout = actionTimeout;
        this.worlds = (task, episode) -> SimWorldSession.create(task.world(), task.seed(), task.scenario(), toolsDir,
                safety.apply(task));
    }

    /** Opens each episode's world through {@code binding} instead of in-process (e.g. over MQTT). */
    public EvalRunner worlds(WorldBinding binding) {
        this.worlds = java.util.Objects.requireNonNull(binding, "binding");
        return this;
    }

    public Report run(List<Task> tasks, List<String> modes, int repeat, Function<Task, ChatModel> models,
            Consumer<EpisodeSummary> progress) throws Exception {
        Path logs = outDir != null ? Files.createDirectories(outDir) : Files.createTempDirectory("codeact-eval");
        List<EpisodeSummary> done = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try (SandboxEngine engine = SandboxEngine.create(c -> {
            c.actionTimeout = actionTimeout;
            c.warmSessions = parallelism;
            Path helpers = toolsDir.resolve("python");
            if (Files.isDirectory(helpers)) {
                c.helperPaths.add(helpers);  // the same helper modules as every other command
            }
        })) {
            List<Future<EpisodeSummary>> futures = new ArrayList<>();
            for (String mode : modes) {
                for (int r = 1; r <= repeat; r++) {
                    for (Task task : tasks) {
                        int rep = r;
                        futures.add(pool.submit(() -> {
                            EpisodeSummary s = episode(engine, task, mode, rep, models.apply(task), logs);
                            done.add(s);
                            progress.accept(s);
                            return s;
                        }));
                    }
                }
            }
            List<EpisodeSummary> ordered = new ArrayList<>();
            for (Future<EpisodeSummary> f : futures) {
                ordered.add(f.get());
            }
            return new Report(summarise(modes, repeat, tasks.size(), ordered), ordered);
        } finally {
            pool.shutdownNow();
        }
    }

    private EpisodeSummary episode(SandboxEngine engine, Task task, String mode, int repeat, ChatModel model, Path logs)
            throws Exception {
        long start = System.nanoTime();
        String name = task.id() + "-" + mode + "-" + repeat;
        Path logFile = logs.resolve(name + ".jsonl");
        Files.deleteIfExists(logFile);
        List<String> failures = new ArrayList<>();
        EpisodeResult result;
        try (SimWorldSession sim = worlds.open(task, name);
                Session session = engine.openSession(task.id());
                EpisodeLog log = EpisodeLog.open(logFile)) {
            Agent agent = Agent.create(c -> {
                c.model = model;
                c.modelSpec = model.name();
                c.session = session;
                c.mode = mode;
                c.maxTurns = task.maxTurns();
                c.taskId = task.id();
                c.log = log;
                sim.bindTo(session, c);
                c.successCheck = answer -> {
                    SuccessCheck.Result check;
                    synchronized (sim.world()) {
                        check = task.check().evaluate(sim.world().state(), answer);
                    }
                    failures.addAll(check.failures());
                    return check.passed();
                };
            });
            result = agent.run(task.goal());
            sim.recordFinalState(log);
        }
        return new EpisodeSummary(task.id(), task.world(), task.difficulty(), mode, repeat, result.outcome().wireName(),
                Boolean.TRUE.equals(result.success()), result.turns(), result.actions(), result.errors(),
                result.safetyViolations(), result.tokens(), (System.nanoTime() - start) / 1e9, logFile.toString(),
                List.copyOf(failures));
    }

    private static Map<String, ModeSummary> summarise(List<String> modes, int repeat, int taskCount, List<EpisodeSummary> all) {
        Map<String, ModeSummary> out = new LinkedHashMap<>();
        for (String mode : modes) {
            List<EpisodeSummary> m = all.stream().filter(e -> e.mode().equals(mode)).toList();
            List<Double> byRepeat = new ArrayList<>();
            for (int r = 1; r <= repeat; r++) {
                int rep = r;
                List<EpisodeSummary> one = m.stream().filter(e -> e.repeat() == rep).toList();
                byRepeat.add(one.isEmpty() ? 0 : one.stream().filter(EpisodeSummary::success).count() / (double) one.size());
            }
            double n = Math.max(1, m.size());
            out.put(mode, new ModeSummary(taskCount, m.size(),
                    m.stream().filter(EpisodeSummary::success).count() / n, byRepeat,
                    m.stream().mapToInt(EpisodeSummary::turns).sum() / n,
                    m.stream().mapToInt(EpisodeSummary::actions).sum() / n,
                    m.stream().mapToInt(EpisodeSummary::safetyViolations).sum(),
                    m.stream().mapToLong(EpisodeSummary::tokens).sum(),
                    m.stream().mapToDouble(EpisodeSummary::wallSeconds).sum()));
        }
        return out;
    }
}
