package io.codeact.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.ActionStatus;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeact exec}: runs a Python file as code actions in one fresh sandbox session. */
@Command(
        name = "exec",
        mixinStandardHelpOptions = true,
        description = {
            "Run a Python file as code actions in one fresh sandbox session.",
            "Lines '# %%' split the file into several actions (like notebook cells); variables persist between them.",
            "Exits 0 whenever the code ran, whatever its outcome; 2 for usage errors.",
        })
final class ExecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|-", description = "the Python file, or - for standard input")
    String file;

    @Mixin
    WorldOptions worldOptions;

    @Mixin
    SafetyOptions safety;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10", description = "wall-clock limit per action in seconds (default ${DEFAULT-VALUE})")
    double timeoutSeconds;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "run the code N times in the same session (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repeat < 1) {
            err.println("codeact exec: --repeat must be at least 1, got " + repeat);
            return ExitCodes.USAGE;
        }
        if (!(timeoutSeconds > 0)) {
            err.println("codeact exec: --timeout must be a positive number of seconds, got " + timeoutSeconds);
            return ExitCodes.USAGE;
        }
        SimWorldSession sim;
        try {
            sim = worldOptions.create(safety, null);
        } catch (IllegalArgumentException | io.codeact.bridge.safety.SafetyFileException e) {
            err.println("codeact exec: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String code;
        try {
            code = file.equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("codeact exec: no such file: " + file);
            return ExitCodes.USAGE;
        }
        List<String> cells = ActionCells.split(code);
        Duration timeout = Duration.ofNanos((long) (timeoutSeconds * 1e9));
        List<ActionResult> results = new ArrayList<>();
        io.codeact.bridge.safety.RobotSession remote;
        try {
            remote = worldOptions.connectRemote(safety, null);
        } catch (IllegalArgumentException | io.codeact.bridge.safety.SafetyFileException e) {
            err.println("codeact exec: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            err.println("codeact exec: cannot bind to the robot over " + worldOptions.binding.kind().toUpperCase(java.util.Locale.ROOT)
                    + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        io.codeact.bridge.bind.mqtt.DiscoverySession ha;
        try {
            ha = worldOptions.connectHa(safety, null);
        } catch (IllegalArgumentException | io.codeact.bridge.safety.SafetyFileException e) {
            err.println("codeact exec: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            err.println("codeact exec: cannot bind the devices on the broker: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (ha != null) {
            ha.warnings().forEach(w -> err.println("codeact exec: warning: " + w));
        }
        try (SafetyOptions.StopListener control = SafetyOptions.listenForStop(err);
                io.codeact.bridge.bind.mqtt.DiscoverySession devices = ha;
                AutoCloseable boundWorld = sim == null ? () -> { } : sim;
                AutoCloseable remoteBinding = remote == null ? () -> { } : remote;
                SandboxEngine engine = Home.oneShotSandbox(timeout);
                Session session = engine.openSession("exec")) {
            if (sim != null) {
                sim.exposeIn(session);
            }
            if (remote != null) {
                remote.exposeIn(session);
            }
            if (ha != null) {
                ha.exposeIn(session);
            }
            run:
            for (int i = 0; i < repeat; i++) {
                for (String cell : cells) {
                    ActionResult r = session.execute(cell, timeout);
                    results.add(r);
                    if (!json) {
                        printText(r, out, err);
                    }
                    if (r.sessionEnded()) {
                        break run;
                    }
                }
            }
        }
        if (json) {
            out.println(toJson(results));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printText(ActionResult r, PrintWriter out, PrintWriter err) {
        out.print(r.stdout());
        out.flush();
        err.print(r.stderr());
        if (r.error() != null) {
            if (!r.error().traceback().isEmpty()) {
                err.print(r.error().traceback());
            } else {
                err.println(r.error().summary());
            }
        }
        err.printf("[%s in %.1f ms%s]%n", r.status().jsonName(), r.durationMillis(), r.sessionEnded() ? ", session ended" : "");
        err.flush();
    }

    static String toJson(List<ActionResult> results) throws IOException {
        ActionResult last = results.getLast();
        ActionResult firstBad = results.stream().filter(r -> r.status() != ActionStatus.OK).findFirst().orElse(last);
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        List<Double> durations = new ArrayList<>();
        boolean truncated = false;
        for (ActionResult r : results) {
            stdout.append(r.stdout());
            stderr.append(r.stderr());
            durations.add(Math.round(r.durationMillis() * 1000) / 1000.0);
            truncated |= r.truncated();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", firstBad.status().jsonName());
        json.put("stdout", stdout.toString());
        json.put("stderr", stderr.toString());
        if (firstBad.error() == null) {
            json.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", firstBad.error().type());
            error.put("message", firstBad.error().message());
            error.put("traceback", firstBad.error().traceback());
            json.put("error", error);
        }
        json.put("durations_ms", durations);
        json.put("truncated", truncated);
        json.put("session_ended", last.sessionEnded());
        return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
    }
}
