package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchSimCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsTheRealtimeFactorOfEachWorldAsJson() throws Exception {
        assertThat(run("bench", "sim", "--json", "--seconds", "5")).isEqualTo(ExitCodes.OK);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.fieldNames()).toIterable().containsExactly("warehouse", "tabletop", "smart_home");
        for (JsonNode world : doc) {
            assertThat(world.get("realtime_factor").asDouble()).isPositive();
            assertThat(world.get("sim_seconds").asDouble()).isEqualTo(5.0);
        }
    }

    @Test
    void printsATableNamingTheAnchor() {
        assertThat(run("bench", "sim", "--seconds", "2")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("warehouse", "tabletop", "smart_home", "anchor: real time");
    }

    @Test
    void rejectsANonPositiveDuration() {
        assertThat(run("bench", "sim", "--seconds", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--seconds must be > 0, got 0.0");
    }
}
