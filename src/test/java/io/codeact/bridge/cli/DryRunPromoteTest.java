package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dry-run} records what would have gone to the device without sending it; {@code replay --promote}
 * then sends one reviewed action through the MQTT binding (to a simulator node behind a broker).
 */
class DryRunPromoteTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aDryRunRecordsWouldSendAndAPromotedActionGoesThroughTheMqttBinding() throws Exception {
        Path replies = dir.resolve("replies.yaml");
        Files.writeString(replies, """
                replies:
                  - |
                    Drive a little.
                    <execute>
                    r = robot.base.drive(0.2, duration=1.0)
                    print(r['status'], round(r['distance'], 1))
                    </execute>
                  - "<execute>\\nfinish('drove')\\n</execute>"
                """);
        Path log = dir.resolve("dry.jsonl");
        assertThat(run("run", "--world", "warehouse", "--binding", "mqtt", "--dry-run", "--model", "scripted:" + replies,
                "--goal", "drive a little", "--log", log.toString(), "--confirm", "deny")).as(err.toString()).isZero();
        String recorded = Files.readString(log);
        assertThat(recorded).contains("\"event\":\"dry_run\"", "\"tool\":\"robot.base.drive\"", "\"would_send\"",
                "\"mqtt_topic\":\"codeact/robot/base.drive/cmd\"");
        assertThat(recorded).doesNotContain("\"event\":\"command\",\"tool\":\"robot.base.drive\"");

        out.getBuffer().setLength(0);
        assertThat(run("replay", log.toString(), "--promote", "3")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("turn 3 has no code action; turns with actions: 1, 2");
        assertThat(run("replay", log.toString(), "--promote", "1", "--yes")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("give --binding mqtt or ros");

        out.getBuffer().setLength(0);
        assertThat(run("replay", log.toString(), "--promote", "1", "--yes", "--binding", "mqtt", "--confirm", "deny"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("r = robot.base.drive(0.2, duration=1.0)", "done 0.2", "Promoted action: ok");
        String promotedLog = out.toString().replaceAll("(?s).*record: (\\S+).*", "$1").strip();
        assertThat(Files.readString(Path.of(promotedLog))).contains("\"event\":\"command\",\"tool\":\"robot.base.drive\"");
        Files.deleteIfExists(Path.of(promotedLog));
    }
}
