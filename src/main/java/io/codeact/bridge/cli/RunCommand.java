package io.codeact.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.agent.Agent;
import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.agent.Outcome;
import io.codeact.bridge.eval.OracleChatModel;
import io.codeact.bridge.eval.Task;
import io.codeact.bridge.eval.TaskException;
import io.codeact.bridge.eval.TaskSuite;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeact run}: one episode, from a goal in words or a task, until the model answers or a limit. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one episode: a goal or a task, a model, until the goal is done or a limit is reached.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Goal {
        @Option(names = "--goal", paramLabel = "TEXT", required = true, description = "the goal in words")
        String text;

        @Option(names = "--task", paramLabel = "ID", required = true, description = "a task from simulations/tasks (its world, seed, goal, turn budget and success check)")
        String task;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Goal goal;

    @Mixin
    ModelOptions model;

    @Mixin
    EpisodeOptions episode;

    @Mixin
    WorldOptions worldOptions;

    @Option(names = "--json", description = "print a final JSON summary {outcome, turns, success, log} instead of the live view")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Task task = null;
        if (goal.task != null) {
            try {
                task = TaskSuite.load(Home.root().resolve("simulations/tasks")).find(goal.task).orElse(null);
            } catch (TaskException e) {
                err.println("codeact run: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (task == null) {
                err.println("codeact run: unknown task '" + goal.task + "' in simulations/tasks; `codeact eval --help` runs suites");
                return ExitCodes.USAGE;
            }
        }
        String goalText = task != null ? task.goal() : goal.text;
        io.codeact.bridge.sim.inprocess.SimWorldSession sim;
        try {
            sim = task != null
                    ? worldOptions.binding.open(task.world(), task.seed(), task.scenario(), null)
                    : worldOptions.create();
        } catch (IllegalArgumentException e) {
            err.println("codeact run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (model.spec.equals("oracle") && task == null) {
            err.println("codeact run: --model oracle replays a task's reference solution; give --task ID");
            return ExitCodes.USAGE;
        }
        ChatModel chat = task != null && model.spec.equals("oracle") ? new OracleChatModel(task) : model.create();
        Path logFile = episode.logFile(task != null ? task.id() : goalText);
        if (logFile.getParent() != null) {
            Files.createDirectories(logFile.getParent());
        }
        Duration timeout = episode.actionTimeout();
        EpisodeResult result;
        try (AutoCloseable world = sim == null ? () -> { } : sim;
                SandboxEngine engine = Home.oneShotSandbox(timeout);
                Session session = engine.openSession("run");
                EpisodeLog log = EpisodeLog.open(logFile)) {
            if (!json) {
                out.println("model: " + chat.name());
                out.println("goal: " + goalText);
            }
            Task finalTask = task;
            Agent agent = Agent.create(c -> {
                c.model = chat;
                c.modelSpec = model.spec;
                c.session = session;
                episode.applyTo(c);
                c.log = log;
                c.listener = new ConsoleListener(out, json);
                WorldOptions.bind(sim, session, c);
                if (finalTask != null) {
                    c.taskId = finalTask.id();
                    c.maxTurns = finalTask.maxTurns();
                    c.successCheck = answer -> {
                        synchronized (sim.world()) {
                            return finalTask.check().evaluate(sim.world().state(), answer).passed();
                        }
                    };
                }
            });
            result = agent.run(goalText);
            if (sim != null) {
                sim.recordFinalState(log);
            }
        }
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("outcome", result.outcome().wireName());
            summary.put("turns", result.turns());
            if (result.success() != null) {
                summary.put("success", result.success());
            }
            summary.put("answer", result.answer());
            summary.put("log", result.log() == null ? null : result.log().toString());
            out.println(new ObjectMapper().writeValueAsString(summary));
        }
        if (!json && result.success() != null) {
            out.println("task check: " + (result.success() ? "passed" : "FAILED"));
        }
        boolean ok = result.success() != null ? result.success() : result.outcome() == Outcome.SOLVED;
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
