package io.codeact.bridge.cli;

import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.RecordedEpisode;
import io.codeact.bridge.sim.plot.EpisodePlot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeact plot}: draws an episode's world as SVG (see {@link EpisodePlot}). */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw an episode recorded against a simulated world as SVG, with its safety events marked and listed:",
                "warehouse: the map, walls, shelves, obstacles, docks and the robots' paths;",
                "tabletop: the table from above, bins, blocks, the gripper tip's path, stacks from the side;",
                "smart_home: room temperatures and setpoint, lights, motion, lock, door, garage and heating over sim time."})
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LOG", description = "an episode log (.jsonl) recorded with a simulated world")
    Path log;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "the SVG file (default: LOG with .svg)")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(log)) {
            err.println("codeact plot: no such episode log: " + log);
            return ExitCodes.USAGE;
        }
        RecordedEpisode episode = EpisodeLog.read(log);
        String svg;
        try {
            svg = EpisodePlot.render(episode);
        } catch (EpisodePlot.NothingToPlot e) {
            err.println("codeact plot: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("codeact plot: cannot draw " + log + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path file = output != null ? output : Path.of(log.toString().replaceFirst("\\.jsonl$", "") + ".svg");
        Files.writeString(file, svg);
        spec.commandLine().getOut().println("plot: " + file);
        return ExitCodes.OK;
    }
}
