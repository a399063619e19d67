package io.codeact.bridge.cli;

import io.codeact.bridge.launch.LaunchException;
import io.codeact.bridge.launch.LaunchLoader;
import io.codeact.bridge.launch.LaunchPlan;
import io.codeact.bridge.launch.Launcher;
import io.codeact.bridge.launch.NodeSpec;
import io.codeact.bridge.launch.NodeTypes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeact launch FILE [--check] [name:=value …]}: validate a launch file, or start and supervise its nodes. */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Start the nodes of a launch file (broker, master, agent, processes) in dependency order and supervise them.",
            "Ctrl-C stops them all in reverse order. The format is in docs/LAUNCH.md; files to start from are in launch/."})
final class LaunchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the launch file, e.g. launch/demo.yaml")
    Path file;

    @Parameters(index = "1..*", paramLabel = "NAME:=VALUE", description = "set an arg of the launch file (ROS style)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--check", description = "validate the file (args, includes, nodes, params, dependencies) and start nothing")
    boolean check;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> args = new LinkedHashMap<>();
        for (String o : overrides) {
            int sep = o.indexOf(":=");
            if (sep <= 0) {
                err.println("codeact launch: '" + o + "' is not an arg override; write NAME:=VALUE, e.g. seed:=3");
                return ExitCodes.USAGE;
            }
            args.put(o.substring(0, sep), o.substring(sep + 2));
        }
        LaunchPlan plan;
        try {
            plan = load(file, args);
        } catch (LaunchException e) {
            e.problems().forEach(err::println);
            err.printf("codeact launch: %d problem(s) in %s; nothing was started%n", e.problems().size(), file);
            return ExitCodes.FAILURE;
        }
        if (check) {
            out.printf("%s: OK, %d node(s) in start order:%n", file, plan.nodes().size());
            for (NodeSpec n : plan.nodes()) {
                out.printf("  %s (%s)%s%s%n", n.name(), n.type().name(), n.after().isEmpty() ? "" : ", after " + String.join(", ", n.after()),
                        n.required() ? ", required" : "");
            }
            return ExitCodes.OK;
        }
        return run(plan, new LaunchConsole(out), out);
    }

    static LaunchPlan load(Path file, Map<String, String> args) {
        return LaunchLoader.create(NodeTypes.standard(), Home.root()).load(file, args);
    }

    /** Runs a plan until it ends or Ctrl-C; the exit code from how it ended. */
    static int run(LaunchPlan plan, LaunchConsole console, PrintWriter out) throws InterruptedException {
        Launcher launcher = Launcher.create(plan, c -> {
            c.out = out;
            c.console = console;
        });
        Thread hook = new Thread(() -> {
            launcher.shutdown("Ctrl-C");
            try {
                launcher.awaitStopped(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "launch-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        Launcher.Result result;
        try {
            result = launcher.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running and waits for us
            }
        }
        return switch (result.ending()) {
            case COMPLETED -> ExitCodes.OK;
            case FAILED -> ExitCodes.FAILURE;
            case INTERRUPTED -> ExitCodes.INTERRUPTED;
        };
    }
}
