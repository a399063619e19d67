package io.codeact.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.eval.EvalRunner;
import io.codeact.bridge.eval.OracleChatModel;
import io.codeact.bridge.eval.Task;
import io.codeact.bridge.eval.TaskException;
import io.codeact.bridge.eval.TaskSuite;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.llm.ChatModels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeact eval}: runs a task suite and reports success rate, turns, actions, safety and tokens per mode. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run a task suite and report success rate, mean turns, mean actions, safety violations and tokens per mode.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SafetyOptions safety;

    @Option(names = "--suite", paramLabel = "NAME|DIR", defaultValue = "simulations/tasks",
            description = "a directory or file of tasks, or a name under simulations/ (default ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--task", paramLabel = "ID", description = "only these tasks (repeatable)")
    List<String> only = new ArrayList<>();

    @Option(names = "--model", paramLabel = "SPEC", required = true, description = "oracle, scripted:FILE, openai:MODEL, ollama:MODEL or anthropic:MODEL")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "the model endpoint")
    String baseUrl;

    @Option(names = "--mode", defaultValue = "code", description = "code, json, text or all (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--repeat", defaultValue = "1", description = "runs per task and mode (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--parallel", defaultValue = "2", description = "episodes at once (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "30", description = "wall-clock limit per code action (default ${DEFAULT-VALUE} s)")
    double timeoutSeconds;

    @Option(names = "--out", paramLabel = "DIR", description = "keep every episode log here")
    Path out;

    @picocli.CommandLine.Mixin
    BindingOptions binding;

    @Option(names = "--json", description = "print the results as one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> modes = mode.equals("all") ? List.of("code", "json", "text") : List.of(mode);
        for (String m : modes) {
            if (!List.of("code", "json", "text").contains(m)) {
                err.println("codeact eval: unknown --mode '" + mode + "'; use code, json, text or all");
                return ExitCodes.USAGE;
            }
        }
        if (repeat < 1) {
            err.println("codeact eval: --repeat must be at least 1");
            return ExitCodes.USAGE;
        }
        Path suitePath = Path.of(suite);
        if (!Files.exists(suitePath)) {
            suitePath = Home.root().resolve(suite);
            if (!Files.exists(suitePath)) {
                suitePath = Home.root().resolve("simulations").resolve(suite);
            }
        }
        List<Task> tasks;
        try {
            tasks = TaskSuite.load(suitePath).tasks();
        } catch (TaskException e) {
            err.println("codeact eval: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!only.isEmpty()) {
            tasks = tasks.stream().filter(t -> only.contains(t.id())).toList();
            if (tasks.size() != only.size()) {
                err.println("codeact eval: unknown task id among " + only + " in " + suitePath);
                return ExitCodes.USAGE;
            }
        }
        if (model.equals("oracle") && !modes.equals(List.of("code"))) {
            err.println("codeact eval: the oracle replays reference code, so it only runs --mode code");
            return ExitCodes.USAGE;
        }
        if (binding.problem() != null) {
            err.println("codeact eval: " + binding.problem());
            return ExitCodes.USAGE;
        }
        int total = tasks.size() * modes.size() * repeat;
        AtomicInteger finished = new AtomicInteger();
        EvalRunner runner = new EvalRunner(Home.root().resolve("robot-tools"), out, parallel,
                Duration.ofMillis((long) (timeoutSeconds * 1000)))
                .worlds((task, episode) -> binding.open(task.world(), task.seed(), task.scenario(), "eval/" + episode,
                        safety.settings(task.world(), "eval", new io.codeact.bridge.safety.StopLatch())));
        EvalRunner.Report report = runner.run(tasks, modes, repeat, task -> modelFor(task), e -> {
            synchronized (err) {
                err.printf("[%d/%d] %-34s %-4s %s  %s, %d turns%s%n", finished.incrementAndGet(), total, e.task(), e.mode(),
                        e.success() ? "ok  " : "FAIL", e.outcome(), e.turns(),
                        e.success() || e.checkFailures().isEmpty() ? "" : " (" + String.join("; ", e.checkFailures()) + ")");
                err.flush();
            }
        });
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            Map<String, Object> m = new LinkedHashMap<>();
            report.modes().forEach((name, s) -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("tasks", s.tasks());
                x.put("episodes", s.episodes());
                x.put("success_rate", s.successRate());
                x.put("success_rate_by_repeat", s.successRateByRepeat());
                x.put("mean_turns", s.meanTurns());
                x.put("mean_actions", s.meanActions());
                x.put("safety_violations", s.safetyViolations());
                x.put("tokens", s.tokens());
                x.put("wall_seconds", Math.round(s.wallSeconds() * 10) / 10.0);
                m.put(name, x);
            });
            j.put("model", model);
            j.put("modes", m);
            j.put("episodes", report.episodes());
            o.println(new ObjectMapper().writeValueAsString(j));
        } else {
            o.printf("%nmodel: %s, suite: %s (%d tasks), repeat %d%n", model, suitePath, tasks.size(), repeat);
            o.printf("%-6s %6s %9s %11s %13s %9s %10s %9s%n", "mode", "tasks", "success", "mean turns", "mean actions", "safety", "tokens", "wall s");
            report.modes().forEach((name, s) -> o.printf("%-6s %6d %8.1f%% %11.2f %13.2f %9d %10d %9.1f%s%n", name, s.tasks(),
                    s.successRate() * 100, s.meanTurns(), s.meanActions(), s.safetyViolations(), s.tokens(), s.wallSeconds(),
                    repeat > 1 ? "  (by repeat: " + s.successRateByRepeat() + ")" : ""));
            if (out != null) {
                o.println("episode logs: " + out);
            }
        }
        o.flush();
        return ExitCodes.OK;
    }

    private ChatModel modelFor(Task task) {
        if (model.equals("oracle")) {
            return new OracleChatModel(task);
        }
        return ChatModels.fromSpec(model, c -> {
            if (baseUrl != null) {
                c.baseUrl(baseUrl);
            }
        });
    }
}
