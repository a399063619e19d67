package io.codeact.bridge.cli;

import picocli.CommandLine.Command;

/** {@code codeact launch}: Start the nodes of a launch file (broker, master, simulators, agent) and supervise them. Not built yet (issue #10). */
@Command(name = "launch", mixinStandardHelpOptions = true, description = "Start the nodes of a launch file (broker, master, simulators, agent) and supervise them. (not implemented yet: issue #10)")
final class LaunchCommand extends NotBuiltYet {
    @Override
    int issue() {
        return 10;
    }
}
