package io.codeact.bridge.cli;

import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.EpisodeRecord;
import io.codeact.bridge.agent.RecordedEpisode;
import io.codeact.bridge.sim.SvgPlot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeact plot}: draws an episode's world as SVG (the robot's path on the map, obstacles, docks). */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw an episode's final world state as SVG: the robot's path on the map, walls, shelves, obstacles, docks.")
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LOG", description = "an episode log (.jsonl) recorded with a simulated world")
    Path log;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "the SVG file (default: LOG with .svg)")
    Path output;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(log)) {
            err.println("codeact plot: no such episode log: " + log);
            return ExitCodes.USAGE;
        }
        RecordedEpisode episode = EpisodeLog.read(log);
        Optional<EpisodeRecord> world = episode.last("world_state");
        if (world.isEmpty()) {
            err.println("codeact plot: " + log + " has no world_state record: it was not recorded against a simulated world"
                    + " (episodes from codeact demo, eval, and run --world have one)");
            return ExitCodes.USAGE;
        }
        String name = String.valueOf(world.get().fields().get("world"));
        if (!name.equals("warehouse")) {
            err.println("codeact plot: plotting the " + name + " world is not supported yet; only warehouse episodes have a map");
            return ExitCodes.USAGE;
        }
        Map<String, Object> state = (Map<String, Object>) world.get().fields().get("state");
        Path svg = output != null ? output : Path.of(log.toString().replaceFirst("\\.jsonl$", "") + ".svg");
        Files.writeString(svg, SvgPlot.warehouse(state, List.of()));
        spec.commandLine().getOut().println("plot: " + svg);
        return ExitCodes.OK;
    }
}
