package io.codeact.bridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code codeact} command: only lists and dispatches its subcommands. */
@Command(
        name = "codeact",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = {
            "CodeAct Bridge: a language model drives robots and IoT devices by writing Python code actions,",
            "run in a GraalPy sandbox, sent over ROS or MQTT, with safety enforced outside the model.",
        },
        footer = {
            "",
            "The launcher also takes: bin/codeact test   (runs the whole test suite: ./mvnw verify on a JDK >= 21)",
            "Exit codes: 0 ok, 1 failed, 2 usage error, 130 interrupted.",
        },
        subcommands = {
            DemoCommand.class,
            ExecCommand.class,
            RunCommand.class,
            ChatCommand.class,
            EvalCommand.class,
            SimCommand.class,
            BenchCommand.class,
            ReplayCommand.class,
            ExportCommand.class,
            PlotCommand.class,
            LaunchCommand.class,
            NodeCommand.class,
            RosCommand.class,
            RoscoreCommand.class,
            MqttCommand.class,
            StopCommand.class,
            ResumeCommand.class,
        })
public final class CodeactCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
