package io.codeact.bridge.cli;

import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.EpisodeReplayPrinter;
import io.codeact.bridge.agent.RecordedEpisode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeact replay}: re-prints an episode log readably. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Re-print an episode log readably, turn by turn.")
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "an episode log (.jsonl)")
    Path file;

    @Option(names = "--execute", description = "re-run the episode's code actions in a fresh session (against the same simulated world and seed when it had one) and compare their output")
    boolean execute;

    @Option(names = "--promote", paramLabel = "TURN",
            description = "send the code action of this turn (reviewed, e.g. from a --dry-run) once to the real device given by --binding mqtt|ros")
    Integer promote;

    @Option(names = "--yes", description = "with --promote: do not ask before sending")
    boolean yes;

    @picocli.CommandLine.Mixin
    WorldOptions world;

    @picocli.CommandLine.Mixin
    SafetyOptions safety;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("codeact replay: no such episode log: " + file);
            return ExitCodes.USAGE;
        }
        RecordedEpisode episode = EpisodeLog.read(file);
        if (promote != null) {
            return new PromoteAction(spec.commandLine().getOut(), err).run(episode, promote, world, safety, yes,
                    java.time.Duration.ofSeconds(60));
        }
        if (execute) {
            return new ActionReplay(spec.commandLine().getOut(), err).run(episode);
        }
        spec.commandLine().getOut().print(new EpisodeReplayPrinter().render(episode));
        for (String problem : episode.problems()) {
            err.println("codeact replay: " + problem);
        }
        return ExitCodes.OK;
    }
}
