package io.codeact.bridge.launch;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code process}: an external command, for users' own nodes (a robot driver, a bridge, a logger). Its
 * output and errors are printed line by line under the node's name. Healthy while it runs, or once a line
 * of its output matches {@code ready_line}. Stopping sends SIGTERM, then SIGKILL after {@code stop_timeout_s}.
 */
final class ProcessNodeType implements NodeType {
    @Override
    public String name() {
        return "process";
    }

    @Override
    public String doc() {
        return "an external command (your own node); a list is run as is, a string by sh -c";
    }

    @Override
    public List<NodeParam> params() {
        return List.of(
                NodeParam.required("command", NodeParam.Kind.ANY, "the command: [program, arg, …] or a string for sh -c"),
                NodeParam.optional("cwd", NodeParam.Kind.STRING, null, "working directory, relative to the launch file (default: the launcher's)"),
                NodeParam.optional("ready_line", NodeParam.Kind.STRING, null, "a regular expression; healthy once an output line matches it"),
                NodeParam.optional("stop_timeout_s", NodeParam.Kind.NUMBER, 5.0, "how long SIGTERM may take before SIGKILL"));
    }

    @Override
    public void validate(NodeParams params, LaunchPlan.Source source) {
        List<String> command = command(params);
        if (command == null) {
            params.problem("command", "must be a non-empty list of strings ([program, arg, …]) or a non-empty string for sh -c");
        } else if (!(params.value("command") instanceof String) && !executable(command.get(0), params, source)) {
            params.problem("command", "program '" + command.get(0) + "' is not "
                    + (command.get(0).contains("/") ? "an executable file" : "found on the PATH") + "; check the name or give its full path");
        }
        if (params.has("cwd") && !Files.isDirectory(cwd(params, source.dir()))) {
            params.problem("cwd", "no such directory: " + cwd(params, source.dir()));
        }
        if (params.has("ready_line")) {
            try {
                Pattern.compile(params.string("ready_line"));
            } catch (PatternSyntaxException e) {
                params.problem("ready_line", "not a regular expression: " + e.getDescription());
            }
        }
        if (params.number("stop_timeout_s") < 0) {
            params.problem("stop_timeout_s", "must be ≥ 0 seconds");
        }
    }

    /** The argv, or null when the value does not make one. */
    static List<String> command(NodeParams params) {
        Object v = params.value("command");
        if (v instanceof String s) {
            return s.isBlank() ? null : List.of("sh", "-c", s);
        }
        if (v instanceof List<?> list && !list.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (o == null || o instanceof List || o instanceof java.util.Map) {
                    return null;
                }
                out.add(o.toString());
            }
            return out;
        }
        return null;
    }

    private static Path cwd(NodeParams params, Path launchDir) {
        return launchDir.resolve(params.string("cwd")).normalize();
    }

    private static boolean executable(String program, NodeParams params, LaunchPlan.Source source) {
        if (program.contains("/")) {
            Path base = params.has("cwd") ? cwd(params, source.dir()) : Path.of("").toAbsolutePath();
            return Files.isExecutable(base.resolve(program));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return true;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RunningNode start(NodeParams params, NodeContext context) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(params)).redirectErrorStream(true);
        if (params.has("cwd")) {
            builder.directory(cwd(params, context.launchDir()).toFile());
        }
        builder.environment().putAll(context.env());
        Process process = builder.start();
        Pattern ready = params.has("ready_line") ? Pattern.compile(params.string("ready_line")) : null;
        return new Running(process, ready, context, params.number("stop_timeout_s"));
    }

    private static final class Running implements RunningNode {
        private final Process process;
        private final long stopMillis;
        private final CompletableFuture<NodeExit> exit = new CompletableFuture<>();
        private volatile boolean ready;

        Running(Process process, Pattern readyLine, NodeContext context, double stopSeconds) {
            this.process = process;
            this.stopMillis = Math.round(stopSeconds * 1000);
            this.ready = readyLine == null;
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        context.print().accept(line);
                        if (!ready && readyLine.matcher(line).find()) {
                            ready = true;
                        }
                    }
                } catch (IOException e) {
                    context.print().accept("(output no longer readable: " + e.getMessage() + ")");
                }
                // The process's output ends before it has exited; report the exit once both are done.
                process.onExit().thenAccept(p -> exit.complete(p.exitValue() == 0
                        ? NodeExit.succeeded("exit code 0") : NodeExit.failed(describeExit(p.exitValue()))));
            }, "launch-" + context.node() + "-output");
            pump.setDaemon(true);
            pump.start();
        }

        private static String describeExit(int code) {
            return code > 128 && code < 160 ? "exit code " + code + " (signal " + (code - 128) + ")" : "exit code " + code;
        }

        @Override
        public boolean healthy() {
            return ready && process.isAlive();
        }

        @Override
        public CompletableFuture<NodeExit> exit() {
            return exit;
        }

        @Override
        public void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(stopMillis, TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String describe() {
            return "pid " + process.pid();
        }
    }
}
