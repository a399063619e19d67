package io.codeact.bridge.cli;

/**
 * Process exit codes of the {@code codeact} command, in one place.
 *
 * <p>Scripts may rely on these: {@code 0} success, {@code 1} the work ran and failed (a task failed,
 * a connection could not be made), {@code 2} the command line was wrong, {@code 130} interrupted by the user.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
