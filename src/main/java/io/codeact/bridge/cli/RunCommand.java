package io.codeact.bridge.cli;

import picocli.CommandLine.Command;

/** {@code codeact run}: Run one episode: a goal or a task, a model, until the goal is done. Not built yet (issue #5). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one episode: a goal or a task, a model, until the goal is done. (not implemented yet: issue #5)")
final class RunCommand extends NotBuiltYet {
    @Override
    int issue() {
        return 5;
    }
}
