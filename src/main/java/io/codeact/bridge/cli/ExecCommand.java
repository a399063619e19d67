package io.codeact.bridge.cli;

import picocli.CommandLine.Command;

/** {@code codeact exec}: Run a Python file as code actions in one fresh sandbox session. Not built yet (issue #4). */
@Command(name = "exec", mixinStandardHelpOptions = true, description = "Run a Python file as code actions in one fresh sandbox session. (not implemented yet: issue #4)")
final class ExecCommand extends NotBuiltYet {
    @Override
    int issue() {
        return 4;
    }
}
