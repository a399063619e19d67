package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code codeact bench safety}: stops really reach the moving robot, with and without the flood. */
class BenchSafetyCommandIT {
    @Test
    void measuresStopsOfAMovingRobotUnderAFlood() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("bench", "safety", "--trials", "5", "--flood-rate", "5000", "--json")).as(err.toString())
                .isEqualTo(ExitCodes.OK);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("trials").asInt()).isEqualTo(5);
        for (String key : new String[] {"stop_latency_p50_ms", "stop_latency_p99_ms", "quiet_stop_latency_p50_ms",
                "quiet_stop_latency_p99_ms"}) {
            // a stop measured from the control socket to World.halt on the device's thread: > 0 and well under 5 s
            assertThat(doc.get(key).asDouble()).as(key).isPositive().isLessThan(5000);
        }
        assertThat(doc.get("stop_latency_p99_ms").asDouble()).isGreaterThanOrEqualTo(doc.get("stop_latency_p50_ms").asDouble());
        assertThat(doc.get("flood_published_msgs_per_s").asDouble()).isGreaterThan(1000);
        assertThat(doc.get("flood_received_msgs_per_s").asDouble()).isGreaterThan(1000);
    }

    @Test
    void refusesNonsenseOptions() {
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute("bench", "safety", "--trials", "1")).isEqualTo(ExitCodes.USAGE);
    }
}
