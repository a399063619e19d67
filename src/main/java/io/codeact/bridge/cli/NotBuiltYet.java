package io.codeact.bridge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of a subcommand that is declared but not built yet: it says so plainly, names the issue that
 * brings it, and exits with {@link ExitCodes#NOT_IMPLEMENTED}. It never pretends to have done work.
 */
abstract class NotBuiltYet implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The issue number that brings this subcommand. */
    abstract int issue();

    @Override
    public Integer call() {
        spec.commandLine().getErr().printf(
                "codeact %s: not implemented yet (planned in issue #%d); nothing was run.%n",
                spec.qualifiedName(" ").replaceFirst("^codeact ", ""), issue());
        return ExitCodes.NOT_IMPLEMENTED;
    }
}
