package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code codeact bench ros --json} runs both ping-pongs (ours and the rospy anchor) and reports both; few round trips. */
@Timeout(120)
class RosBenchCommandInteropTest {

    @Test
    void reportsOurRoundTripAndRospysFromTheSameRun() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) && rospyImports(), "rospy is not installed (see .ci/run)");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("bench", "ros", "--json", "--count", "50", "--warmup", "10");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode row = new ObjectMapper().readTree(out.toString());
        for (String key : List.of("rtt_p50_ms", "rtt_p99_ms", "rospy_rtt_p50_ms", "rospy_rtt_p99_ms", "ratio_p50", "ratio_p99")) {
            assertThat(row.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(row.get("round_trips").asInt()).isEqualTo(50);
    }

    private static boolean rospyImports() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import rospy, std_msgs.msg").start();
        return p.waitFor() == 0;
    }
}
