package io.codeact.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.agent.Outcome;
import io.codeact.bridge.eval.OracleChatModel;
import io.codeact.bridge.eval.Task;
import io.codeact.bridge.eval.TaskException;
import io.codeact.bridge.eval.TaskSuite;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.node.EpisodeRunner;
import io.codeact.bridge.node.EpisodeSettings;
import io.codeact.bridge.node.SimulatedRobot;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        SimWorldSession sim;
        try {
            sim = task != null
                    ? SimWorldSession.create(task.world(), task.seed(), task.scenario(),
                            Home.root().resolve("robot-tools"))
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
        if (!json) {
            out.println("model: " + chat.name());
            out.println("goal: " + goalText);
        }
        EpisodeSettings settings = episode.settings();
        if (task != null) {
            settings = settings.withBudgets(task.maxTurns(), null, null);
        }
        EpisodeResult result;
        try (SandboxEngine engine = Home.oneShotSandbox(episode.actionTimeout())) {
            result = new EpisodeRunner().run(engine, new EpisodeRunner.Plan(goalText, task, chat, model.spec, settings,
                    sim == null ? null : SimulatedRobot.of(sim, Home.root().resolve("robot-tools")), logFile, new ConsoleListener(out, json)));
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
