package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill-the-controller test: a SIGKILLed writer leaves a log that reads back cleanly. */
class EpisodeLogKillTest {
    private static final long RECORDS_BEFORE_KILL = 500;

    @TempDir
    Path dir;

    @Test
    void aKilledControllerLeavesALogReadableUpToItsLastCompleteRecord() throws Exception {
        Path file = dir.resolve("episodes/killed.jsonl");
        Path childErr = dir.resolve("child.err");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EpisodeLogWriterProcess.class.getName(), file.toString())
                .redirectError(childErr.toFile())
                .start();
        long announced = 0;
        try (BufferedReader out = child.inputReader()) {
            String line;
            while (announced < RECORDS_BEFORE_KILL && (line = out.readLine()) != null) {
                announced = Long.parseLong(line.strip());
            }
            assertThat(announced).as("records the child wrote before the kill; its stderr: %s",
                    Files.exists(childErr) ? Files.readString(childErr) : "").isGreaterThanOrEqualTo(RECORDS_BEFORE_KILL);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child gone after SIGKILL").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL, not a clean exit").isEqualTo(128 + 9);

        RecordedEpisode episode = EpisodeLog.read(file);
        List<EpisodeRecord> records = episode.records();
        assertThat(records.size()).isGreaterThanOrEqualTo((int) announced);
        assertThat(records).extracting(EpisodeRecord::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, records.size()).boxed().toList());
        assertThat(records.getFirst().type()).isEqualTo("episode_start");
        assertThat(records.subList(1, records.size())).allSatisfy(r -> {
            assertThat(r.number("i")).contains(r.seq() - 1);
            assertThat(r.text("pad")).contains(EpisodeLogWriterProcess.PAD);
        });
        assertThat(episode.finished()).isFalse();
        // the kill may land between two records or in the middle of one; only the latter leaves a problem
        assertThat(episode.problems()).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(p -> assertThat(p).contains(":" + (records.size() + 1) + ": the last line is incomplete"));
    }
}
