package io.codeact.bridge.cli;

import io.codeact.bridge.launch.LaunchException;
import io.codeact.bridge.launch.LaunchPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code codeact demo}: runs {@code launch/demo.yaml} through the launcher: the embedded broker, then a goal
 * in words, the model's code actions against a simulated warehouse robot, their output and a live map, an
 * error recovered, the outcome, an SVG plot and the episode log. Offline it replays recorded replies (and
 * says so); {@code --model openai:…} uses a real model on the same launch.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the demo (launch/demo.yaml): a warehouse robot in the simulator, driven by code actions.",
            "Offline it uses recorded replies (scripted model); --model openai:MODEL etc. uses a real model."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "SPEC", description = "the model (default: the recorded demo replies, scripted:simulations/demo/warehouse-demo.yaml)")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "the model endpoint for --model")
    String baseUrl;

    @Option(names = "--no-map", description = "do not draw the text map after each action")
    boolean noMap;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "episodes", description = "where the log and plot go (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        Path file = Home.root().resolve("launch/demo.yaml");
        Map<String, String> args = new LinkedHashMap<>();
        if (model != null) {
            args.put("model", model);
        }
        if (baseUrl != null) {
            args.put("base_url", baseUrl);
        }
        args.put("out", out.toString());
        args.put("live_map", String.valueOf(!noMap));
        LaunchPlan plan;
        try {
            plan = LaunchCommand.load(file, args);
        } catch (LaunchException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            return ExitCodes.FAILURE;
        }
        o.println("CodeAct Bridge demo: a language model drives a simulated warehouse robot by writing Python.");
        o.println("launch file: " + file + " (the same as `codeact launch launch/demo.yaml`)");
        o.flush();
        return LaunchCommand.run(plan, new LaunchConsole(o), o);
    }
}
