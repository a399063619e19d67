package io.codeact.bridge.cli;

import picocli.CommandLine;

/** Entry point of the {@code codeact} command; {@code bin/codeact} runs this class. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (see {@link ExitCodes}); never calls {@code System.exit}. */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /** The configured picocli command line, shared by {@link #run} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CodeactCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FAILURE);
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println(line.getColorScheme().errorText("codeact " + line.getCommandName() + ": " + describe(ex)));
            return ExitCodes.FAILURE;
        });
        return cli;
    }

    private static String describe(Throwable ex) {
        StringBuilder text = new StringBuilder(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("\n  caused by: ").append(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return text.toString();
    }
}
