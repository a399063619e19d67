package io.codeact.bridge.cli;

import picocli.CommandLine.Command;

/** {@code codeact eval}: Run a task suite and report success rate, turns, actions and safety per mode. Not built yet (issue #6). */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Run a task suite and report success rate, turns, actions and safety per mode. (not implemented yet: issue #6)")
final class EvalCommand extends NotBuiltYet {
    @Override
    int issue() {
        return 6;
    }
}
