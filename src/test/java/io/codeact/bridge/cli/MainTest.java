package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEverySubcommandAndExitsZero() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("exec", "run", "chat", "eval", "sim", "demo", "bench", "replay", "launch", "ros", "mqtt")
                .contains("bin/codeact test");
    }

    @Test
    void versionNamesProjectAndGraalPy() {
        assertThat(run("--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).containsPattern("codeact \\d+\\.\\d+").contains("GraalPy 25.");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        assertThat(run("fly")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unmatched argument", "fly");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--frobnicate")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void launchWithoutAFileIsAUsageError() {
        assertThat(run("launch")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing required parameter", "FILE");
    }
}
