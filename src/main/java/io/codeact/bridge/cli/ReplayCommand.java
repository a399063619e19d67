package io.codeact.bridge.cli;

import picocli.CommandLine.Command;

/** {@code codeact replay}: Re-print an episode log readably, or re-run its actions against the simulator. Not built yet (issue #5). */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Re-print an episode log readably, or re-run its actions against the simulator. (not implemented yet: issue #5)")
final class ReplayCommand extends NotBuiltYet {
    @Override
    int issue() {
        return 5;
    }
}
