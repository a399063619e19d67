package io.codeact.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.launch.EpisodeRunner;
import java.io.PrintWriter;
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

    @Mixin
    SafetyOptions safety;

    @Option(names = "--json", description = "print a final JSON summary {outcome, turns, success, log} instead of the live view")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (worldOptions.binding.problem() != null) {
            err.println("codeact run: " + worldOptions.binding.problem());
            return ExitCodes.USAGE;
        }
        EpisodeRunner runner;
        try {
            runner = EpisodeRunner.prepare(s -> {
                s.goal = goal.text;
                s.task = goal.task;
                s.model = model.spec;
                s.baseUrl = model.baseUrl;
                s.stream = !model.noStream;
                s.world = worldOptions.world;
                s.seed = worldOptions.seed;
                s.binding = worldOptions.binding.kind();
                s.master = worldOptions.binding.master;
                s.broker = worldOptions.binding.broker;
                s.device = worldOptions.binding.device;
                s.safety = world -> safety.settings(world, null, io.codeact.bridge.safety.StopLatch.process());
                episode.applyTo(s);
                s.home = Home.root();
            });
        } catch (IllegalArgumentException | io.codeact.bridge.safety.SafetyFileException e) {
            err.println("codeact run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!json) {
            out.println("model: " + runner.chat().name());
            out.println("goal: " + runner.goal());
        }
        EpisodeResult result;
        try (SafetyOptions.StopListener control = SafetyOptions.listenForStop(err)) {
            result = runner.run(new ConsoleListener(out, json));
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
        return EpisodeRunner.succeeded(result) ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
