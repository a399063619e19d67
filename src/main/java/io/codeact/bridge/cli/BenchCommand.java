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

    @Command(name = "mqtt", mixinStandardHelpOptions = true,
            description = "MQTT round trip (vs a libmosquitto C client, same broker, same run) and telemetry ingest; embedded broker, and --broker if given.")
    static final class Mqtt implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Option(names = "--broker", paramLabel = "URL", description = "Also measure this external broker, e.g. mqtt://localhost:1883.")
        String broker;

        @picocli.CommandLine.Option(names = "--json", description = "Print the figures as JSON.")
        boolean json;

        @picocli.CommandLine.Option(names = "--samples", defaultValue = "10000", description = "Round trips measured (default: ${DEFAULT-VALUE}).")
        int samples;

        @picocli.CommandLine.Option(names = "--ingest", defaultValue = "200000", description = "Telemetry messages sent for the ingest figure (default: ${DEFAULT-VALUE}).")
        int ingest;

        @Override
        public Integer call() throws Exception {
            if (samples < 100 || samples > 1_000_000 || ingest < 1000 || ingest > 10_000_000) {
                spec.commandLine().getErr().println("codeact bench mqtt: --samples must be 100..1000000 and --ingest 1000..10000000");
                return ExitCodes.USAGE;
            }
            var results = new io.codeact.bridge.transport.mqtt.MqttBench(new io.codeact.bridge.transport.mqtt.MqttBench.Options(
                    broker, Math.min(2000, samples / 5), samples, ingest, Home.root().resolve("src/main/c/mqtt_rtt.c"),
                    Home.root().resolve("target/bench"), io.codeact.bridge.transport.mqtt.LatestValues::new)).run();
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                        java.util.Map.of("bench", "mqtt", "results", results)));
            } else {
                for (var r : results) {
                    out.printf("%s broker %s%n", r.get("broker"), r.get("url"));
                    out.printf("  rtt p50 %s ms, p99 %s ms   (libmosquitto, same broker: p50 %s ms, p99 %s ms; ratio %s)%n",
                            r.get("rtt_p50_ms"), r.get("rtt_p99_ms"), r.get("libmosquitto_rtt_p50_ms"), r.get("libmosquitto_rtt_p99_ms"), r.get("rtt_p50_ratio"));
                    out.printf("  ingest %s msg/s (%s of %s accepted)%n", r.get("ingest_msgs_per_s"), r.get("ingest_messages_accepted"), r.get("ingest_messages_sent"));
                    out.printf("  command rtt: %s%n", r.get("command_rtt_note"));
                    for (Object note : (java.util.List<?>) r.get("notes")) {
                        out.printf("  note: %s%n", note);
                    }
                }
            }
            return ExitCodes.OK;
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
