package io.codeact.bridge.cli;

import picocli.CommandLine.Command;

/** {@code codeact demo}: Run the demo on embedded defaults. Not built yet (issue #10). */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the demo on embedded defaults. (not implemented yet: issue #10)")
final class DemoCommand extends NotBuiltYet {
    @Override
    int issue() {
        return 10;
    }
}
