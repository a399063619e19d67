package io.codeact.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.sandbox.SandboxBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeact bench sandbox}: GraalPy session figures, with CPython on the same workload as the anchor. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Action overhead, host-call cost, cold and warm start, memory per idle session, and a CPU workload vs /usr/bin/python3.")
final class BenchSandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--actions", defaultValue = "2000", description = "trivial actions to time (default ${DEFAULT-VALUE})")
    int actions;

    @Option(names = "--idle-sessions", defaultValue = "200", description = "idle sessions to open for the memory figure (default ${DEFAULT-VALUE})")
    int idleSessions;

    @Option(names = "--no-cold-start", description = "skip the cold-start runs of bin/codeact")
    boolean noColdStart;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path launcher = Home.root().resolve("bin/codeact");
        SandboxBenchmark bench = new SandboxBenchmark(actions, idleSessions,
                noColdStart || !Files.isExecutable(launcher) ? null : launcher,
                line -> {
                    err.println("bench sandbox: " + line);
                    err.flush();
                });
        Map<String, Object> figures = SandboxBenchmark.toJson(bench.run());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(figures));
        } else {
            figures.forEach((k, v) -> out.printf("%-28s %s%n", k, v));
        }
        return ExitCodes.OK;
    }
}
