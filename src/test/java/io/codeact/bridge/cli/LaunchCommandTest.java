package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code codeact launch}: --check, arg overrides, exit codes, and a launch that runs to its end. */
class LaunchCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void checkValidatesTheDemoWithoutStartingIt() {
        assertThat(run("launch", "launch/demo.yaml", "--check", "seed:=3")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("""
                launch/demo.yaml: OK, 3 node(s) in start order:
                  broker (mqtt_broker)
                  warehouse (sim), after broker
                  agent (agent), after warehouse, required
                """);
    }

    @Test
    void checkOfABrokenFileListsEveryProblemAndExitsOne() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, """
                nodes:
                  - {name: a, type: teleporter}
                  - {name: b, type: process, after: a, params: {command: "true", colour: red}}
                """);
        assertThat(run("launch", file.toString(), "--check")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains(
                file + ":2: node a: unknown node type 'teleporter'; use one of: mqtt_broker, roscore, agent, process, sim, controller",
                file + ":3: node b: unknown param 'colour' for node type process; it takes: command, cwd, ready_line, stop_timeout_s",
                "codeact launch: 2 problem(s) in " + file + "; nothing was started");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anOverrideWithoutColonEqualsIsAUsageError() {
        assertThat(run("launch", "launch/demo.yaml", "seed=3")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'seed=3' is not an arg override; write NAME:=VALUE, e.g. seed:=3");
    }

    @Test
    void aLaunchEndsWithItsRequiredNodeAndExitsWithItsOutcome() throws Exception {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, """
                args: {code: {default: 0, doc: the exit code}}
                nodes:
                  - {name: job, type: process, required: true, params: {command: "echo job ran; exit $(arg code)"}}
                """);
        assertThat(run("launch", file.toString())).as(out.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("[job] job ran", "[launch] launch completed: required node job ended: exit code 0");
        out.getBuffer().setLength(0);
        assertThat(run("launch", file.toString(), "code:=4")).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).contains("[launch] launch failed: required node job failed: exit code 4");
    }

    @Test
    void theSmartHomeLaunchBindsTheDevicesHomeAssistantDiscoveryAnnounced(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(run("launch", "launch/smart-home.yaml", "out:=" + dir)).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        String text = out.toString();
        // the agent saw the announced devices, lit the kitchen, and the gate refused the unlock nobody confirmed
        assertThat(text).contains("kitchen_light", "'on': True", "'confirmed': True", "unlock refused: confirm.irreversible",
                "solved after 3 turns");
    }
}
