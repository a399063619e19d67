package io.codeact.bridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code codeact bench}: performance measurements, each against an anchor measured in the same run. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure performance against anchors measured in the same run (see docs/PERFORMANCE.md).",
        subcommands = {
            BenchSandboxCommand.class,
            BenchCommand.Mqtt.class,
            RosBenchCommand.class,
            BenchSimCommand.class,
            BenchCommand.Safety.class,
        })
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "mqtt", mixinStandardHelpOptions = true, description = "MQTT round trip and ingest (not implemented yet: issue #7)")
    static final class Mqtt extends NotBuiltYet {
        @Override
        int issue() {
            return 7;
        }
    }

    @Command(name = "safety", mixinStandardHelpOptions = true, description = "Stop latency under a telemetry flood (not implemented yet: issue #9)")
    static final class Safety extends NotBuiltYet {
        @Override
        int issue() {
            return 9;
        }
    }
}
