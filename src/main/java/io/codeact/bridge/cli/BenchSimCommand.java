package io.codeact.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.codeact.bridge.sim.SimBenchmark;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeact bench sim}: simulated seconds per wall second for each world (anchor: real time). */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Simulated seconds per wall second for each world under a standard workload (anchor: real time,",
                "so the ratio is the realtime factor). Warehouse: one robot driving with lidar scans at 10 Hz."})
final class BenchSimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print {\"warehouse\": {\"realtime_factor\": x, ...}, \"tabletop\": {...}, \"smart_home\": {...}}.")
    boolean json;

    @Option(names = "--seconds", defaultValue = "3600", description = "Sim seconds measured per world (default ${DEFAULT-VALUE}), after a warm-up of a fifth of it.")
    double seconds;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seconds must be > 0, got " + seconds);
        }
        Map<String, SimBenchmark.Result> results = new SimBenchmark(seconds, System::nanoTime).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            results.forEach((world, r) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("realtime_factor", Math.round(r.realtimeFactor() * 10) / 10.0);
                entry.put("sim_seconds", r.simSeconds());
                entry.put("wall_seconds", Math.round(r.wallSeconds() * 1e4) / 1e4);
                doc.put(world, entry);
            });
            out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            out.printf(Locale.ROOT, "%-12s %16s %10s %10s%n", "world", "realtime factor", "sim s", "wall s");
            results.forEach((world, r) -> out.printf(Locale.ROOT, "%-12s %15.0f× %10.0f %10.3f%n",
                    world, r.realtimeFactor(), r.simSeconds(), r.wallSeconds()));
            out.println("anchor: real time (1×); the ratio to the anchor is the realtime factor.");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
