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
            for (var r : results) {
                // the tool path end to end, through the same kind of broker: Python -> gate -> MQTT -> device echo -> Python
                String url = "embedded".equals(r.get("broker"))
                        ? io.codeact.bridge.transport.mqtt.EmbeddedBroker.shared().url() : (String) r.get("url");
                double[] cmd = io.codeact.bridge.sim.node.CommandRttBenchmark.run(Home.root().resolve("robot-tools"), url,
                        Math.min(2000, Math.max(100, samples / 5)));
                r.put("command_rtt_p50_ms", Math.round(cmd[0] * 1000) / 1000.0);
                r.put("command_rtt_p99_ms", Math.round(cmd[1] * 1000) / 1000.0);
                r.remove("command_rtt_note");
            }
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                        java.util.Map.of("bench", "mqtt", "results", results)));
            } else {
                for (var r : results) {
                    out.printf("%s broker %s%n", r.get("broker"), r.get("url"));
                    out.printf("  rtt p50 %s ms, p99 %s ms   (libmosquitto, same broker: p50 %s ms, p99 %s ms; ratio %s)%n",
                            r.get("rtt_p50_ms"), r.get("rtt_p99_ms"), r.get("libmosquitto_rtt_p50_ms"), r.get("libmosquitto_rtt_p99_ms"), r.get("rtt_p50_ratio"));
                    out.printf("  ingest %s msg/s (%s of %s accepted)   (libmosquitto client to client, same broker: %s msg/s; ratio %s)%n",
                            r.get("ingest_msgs_per_s"), r.get("ingest_messages_accepted"), r.get("ingest_messages_sent"),
                            r.get("libmosquitto_ingest_msgs_per_s"), r.get("ingest_ratio"));
                    out.printf("  command rtt (Python tool call -> gate -> broker -> simulated device echo -> Python): p50 %s ms, p99 %s ms%n",
                            r.get("command_rtt_p50_ms"), r.get("command_rtt_p99_ms"));
                    for (Object note : (java.util.List<?>) r.get("notes")) {
                        out.printf("  note: %s%n", note);
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "safety", mixinStandardHelpOptions = true,
            description = {"Emergency-stop latency: `codeact stop` request → controller → broker → moving simulated robot halted,",
                "without and with a QoS 0 telemetry flood on the same broker (target: p99 <= 50 ms at 10 000 msg/s)."})
    static final class Safety implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Option(names = "--broker", paramLabel = "URL", description = "An external broker, e.g. mqtt://localhost:1883 (default: an embedded one).")
        String broker;

        @picocli.CommandLine.Option(names = "--trials", defaultValue = "100", description = "Stops measured per condition (default: ${DEFAULT-VALUE}).")
        int trials;

        @picocli.CommandLine.Option(names = "--flood-rate", defaultValue = "10000", description = "Telemetry messages per second during the flood (default: ${DEFAULT-VALUE}).")
        int floodRate;

        @picocli.CommandLine.Option(names = "--json", description = "Print the figures as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (trials < 5 || trials > 10_000 || floodRate < 1000 || floodRate > 200_000) {
                spec.commandLine().getErr().println("codeact bench safety: --trials must be 5..10000 and --flood-rate 1000..200000");
                return ExitCodes.USAGE;
            }
            // one log line per stop from the device would drown the figures
            System.setProperty("org.slf4j.simpleLogger.log.io.codeact.bridge.sim.node.SimMqttNode", "warn");
            var r = io.codeact.bridge.sim.node.StopLatencyBenchmark.run(Home.root().resolve("robot-tools"), broker, trials, floodRate);
            var out = spec.commandLine().getOut();
            if (json) {
                java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
                doc.put("bench", "safety");
                doc.putAll(r.toJson());
                out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } else {
                out.printf("stop latency, codeact stop -> robot halted (%s, %d stops each)%n", r.broker(), r.trials());
                out.printf("  quiet broker:            p50 %.2f ms, p99 %.2f ms   (anchor)%n", r.quietP50(), r.quietP99());
                out.printf("  flood %6.0f msg/s in:   p50 %.2f ms, p99 %.2f ms   (ratio p99 %.2f; target p99 <= 50 ms)%n",
                        r.floodReceivedPerS(), r.floodP50(), r.floodP99(), r.floodP99() / r.quietP99());
                out.printf("  flood published %.0f msg/s, received by the bridge %.0f msg/s%n", r.floodPublishedPerS(), r.floodReceivedPerS());
            }
            return ExitCodes.OK;
        }
    }
}
