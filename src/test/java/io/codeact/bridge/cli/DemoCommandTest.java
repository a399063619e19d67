package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.RecordedEpisode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's first command reaches a successful outcome on the scripted model. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoDocksTheRobotAfterRecoveringFromItsErrorsAndLeavesALogAndAPlot() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("demo", "--out", dir.toString());

        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        // It runs launch/demo.yaml through the launcher: the broker, the simulator as an MQTT device on it, then the
        // agent bound to that device over MQTT, which ends the launch.
        assertThat(out.toString())
                .contains("[launch] launch/demo.yaml: starting 3 node(s) in order: broker, warehouse, agent")
                .containsPattern("\\[launch\\] started broker \\(mqtt_broker\\): listening on mqtt://127\\.0\\.0\\.1:\\d+")
                .containsPattern("\\[launch\\] started warehouse \\(sim\\): warehouse \\(seed 7, lockstep\\) is device 'robot' "
                        + "on mqtt://127\\.0\\.0\\.1:\\d+")
                .contains("[launch] launch completed: required node agent ended: solved after 3 turn(s)")
                .containsPattern("\\[launch\\] episode log: .*\\.jsonl")
                .contains("[launch] stopping warehouse", "[launch] stopping broker");
        assertThat(out.toString())
                .contains("model: scripted:", "(replays recorded replies, not a live model)")
                .contains("RobotError: dock.dock: r1 is", "collision at", "pillar")
                .contains("docked at bay_3")
                .contains("solved after 3 turns")
                .contains("answer: Docked at bay_3");
        Path log;
        try (Stream<Path> files = Files.list(dir)) {
            log = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        RecordedEpisode episode = EpisodeLog.read(log);
        assertThat(episode.last("episode_end").orElseThrow().text("outcome")).contains("solved");
        // The agent reached the robot over MQTT, as a device on the launch's broker.
        java.util.Map<?, ?> config = (java.util.Map<?, ?>) episode.first("episode_start").orElseThrow().fields().get("config");
        assertThat(config.get("binding")).isEqualTo("mqtt");
        assertThat(config.get("device")).isEqualTo("robot");
        out.getBuffer().setLength(0);
        assertThat(cli.execute("replay", "--execute", log.toString())).as(out.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("against the warehouse simulator, seed 7",
                "2 action(s) matched the recording, 0 differed, 1 had no recorded output");
        out.getBuffer().setLength(0);
        Path plotted = dir.resolve("plotted.svg");
        assertThat(cli.execute("plot", log.toString(), "-o", plotted.toString())).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(plotted)).startsWith("<svg").contains("bay_3");
        try (Stream<Path> files = Files.list(dir)) {
            Path svg = files.filter(p -> p.toString().endsWith(".svg")).findFirst().orElseThrow();
            assertThat(Files.readString(svg)).startsWith("<svg").contains("bay_3");
        }
    }
}
