package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** run, replay, export and chat end to end on the scripted model and a real sandbox. */
class EpisodeCommandsTest {
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

    private Path script(String yaml) throws Exception {
        Path file = dir.resolve("replies.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void runPrintsAJsonSummaryAndLeavesALogThatReplaysAndExports() throws Exception {
        Path replies = script("""
                replies:
                  - "<execute>\\nprint(6 * 7)\\n</execute>"
                  - "<solution>42</solution>"
                """);
        Path log = dir.resolve("ep.jsonl");
        int code = run("run", "--goal", "Multiply six by seven.", "--model", "scripted:" + replies, "--log", log.toString(), "--json");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("outcome").asText()).isEqualTo("solved");
        assertThat(summary.get("turns").asInt()).isEqualTo(2);
        assertThat(summary.get("log").asText()).isEqualTo(log.toString());

        out.getBuffer().setLength(0);
        assertThat(run("replay", log.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Goal:    Multiply six by seven.", "print(6 * 7)", "42", "Outcome: solved");

        Path exported = dir.resolve("train.jsonl");
        assertThat(run("export", "--include-unchecked", "-o", exported.toString(), log.toString())).isEqualTo(ExitCodes.OK);
        JsonNode line = new ObjectMapper().readTree(Files.readAllLines(exported).getFirst());
        assertThat(line.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(line.get("messages").get(line.get("messages").size() - 1).get("content").asText()).contains("<solution>42</solution>");
    }

    @Test
    void runThatDoesNotSolveExitsNonZero() throws Exception {
        Path replies = script("replies:\n  - \"<execute>\\nx = 1\\n</execute>\"\n");
        int code = run("run", "--goal", "Never finish.", "--model", "scripted:" + replies, "--max-turns", "1",
                "--log", dir.resolve("ep.jsonl").toString(), "--json");
        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).contains("\"outcome\":\"max_turns\"");
    }

    @Test
    void runATaskWithTheOracleReportsItsCheck() throws Exception {
        String id = io.codeact.bridge.eval.TaskSuite.load(Path.of("simulations/tasks")).tasks().stream()
                .filter(t -> t.world().equals("smart_home") && t.difficulty().equals("easy")).findFirst().orElseThrow().id();
        int code = run("run", "--task", id, "--model", "oracle", "--log", dir.resolve("task.jsonl").toString(), "--json");
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("outcome").asText()).isEqualTo("solved");
        assertThat(summary.get("success").asBoolean()).isTrue();
        assertThat(Files.readString(dir.resolve("task.jsonl"))).contains("\"success\":true", "\"task\":\"" + id + "\"");
    }

    @Test
    void unknownTaskIsAUsageError() {
        assertThat(run("run", "--task", "warehouse-01", "--model", "scripted:x.yaml")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown task 'warehouse-01'");
    }

    @Test
    void chatContinuesTheSameSessionAfterACorrection() throws Exception {
        Path replies = script("""
                replies:
                  - "<execute>\\nboxes = ['red', 'blue']\\nchoice = boxes[1]\\nprint(choice)\\n</execute>"
                  - "<solution>I picked the blue box.</solution>"
                  - "<execute>\\nchoice = boxes[0]\\nprint(choice)\\n</execute>"
                  - "<solution>I picked the red box.</solution>"
                """);
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("Pick a box.\nno, the red box\n/quit\n".getBytes(StandardCharsets.UTF_8)));
            int code = run("chat", "--model", "scripted:" + replies, "--log", dir.resolve("chat.jsonl").toString());
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        } finally {
            System.setIn(stdin);
        }
        assertThat(out.toString()).contains("answer: I picked the blue box.", "red\n", "answer: I picked the red box.");
    }
}
