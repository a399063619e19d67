package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.transport.mqtt.SharedBrokerAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --binding mqtt}: episodes run through a broker and a simulator node, and their success checks still read the world. */
class MqttBindingCommandsTest {
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
    void evalPassesTasksThroughTheMqttBindingWithTheOracle() throws Exception {
        int code = run("eval", "--model", "oracle", "--task", "warehouse-dock-nearest", "--task", "home-heat-to-22",
                "--binding", "mqtt", "--broker", SharedBrokerAccess.url(), "--parallel", "2", "--json", "--out", dir.toString());
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.at("/modes/code/episodes").asInt()).isEqualTo(2);
        assertThat(report.at("/modes/code/success_rate").asDouble()).as(out.toString()).isEqualTo(1.0);
    }

    @Test
    void runATaskThroughTheMqttBindingReportsItsCheck() throws Exception {
        int code = run("run", "--task", "tabletop-red-to-red-bin", "--model", "oracle", "--binding", "mqtt",
                "--broker", SharedBrokerAccess.url(), "--log", dir.resolve("t.jsonl").toString(), "--json");
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper().readTree(out.toString()).get("success").asBoolean()).isTrue();
    }

    @Test
    void brokerWithoutTheMqttBindingIsAUsageError() {
        assertThat(run("eval", "--model", "oracle", "--broker", "mqtt://localhost:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--broker applies to --binding mqtt");
    }

    @Test
    void deviceNeedsTheMqttBindingAndABroker() {
        assertThat(run("exec", "--world", "warehouse", "--binding", "mqtt", "--device", "robot", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--device robot needs --broker URL: the broker the device talks to");
        err.getBuffer().setLength(0);
        assertThat(run("run", "--goal", "x", "--model", "scripted:none.yaml", "--world", "warehouse", "--device", "robot"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--device applies to --binding mqtt");
        err.getBuffer().setLength(0);
        assertThat(run("run", "--task", "warehouse-dock-nearest", "--model", "oracle", "--binding", "mqtt", "--device", "robot",
                "--broker", "mqtt://localhost:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("it cannot run with binding mqtt to device robot");
    }

    @Test
    void simNodeNamesAnUnknownWorld() {
        assertThat(run("sim", "--world", "moon")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no tool declarations for world 'moon'");
    }
}
