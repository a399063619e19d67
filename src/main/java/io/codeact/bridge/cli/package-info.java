/**
 * The {@code codeact} command line: one small picocli class per subcommand, each delegating to the
 * library at once. Exit codes live in {@link io.codeact.bridge.cli.ExitCodes}.
 */
package io.codeact.bridge.cli;
