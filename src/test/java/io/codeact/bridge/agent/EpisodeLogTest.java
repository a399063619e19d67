package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.agent.EpisodeLog.Message;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeLogTest {
    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    @TempDir
    Path dir;

    private EpisodeLog open(Path file) throws IOException {
        return EpisodeLog.open(file, o -> o.clock(new SteppingClock(START, Duration.ofMillis(250))));
    }

    @Test
    void roundTripsAWholeEpisode() throws IOException {
        Path file = dir.resolve("episodes/run-1.jsonl");
        var action = new ParsedReply.Action("Check the pose.", "print(robot.pose())", Optional.empty(),
                List.of("robot.drive(1)"), List.of("Only one code block was run."));
        try (EpisodeLog log = open(file)) {
            log.episodeStart("Drive to the dock", "scripted:dock.jsonl", "code", "dock-1", Map.of("max_turns", 5));
            log.prompt(1, List.of(new Message("system", "You are a robot."), new Message("user", "Drive to the dock")));
            log.reply(1, "Check the pose.\n<execute>print(robot.pose())</execute>",
                    Map.of("prompt_tokens", 120, "completion_tokens", 14), 830);
            log.action(1, action);
            log.record("command", Map.of("turn", 1, "robot", "base", "command", "drive", "args", Map.of("speed", 0.5)));
            log.observation(1, "(0.0, 0.0, 0.0)", Map.of("stdout", "(0.0, 0.0, 0.0)\n"));
            log.note("operator watching");
            log.episodeEnd("solved", 1, "At the dock.", true);
        }

        RecordedEpisode episode = EpisodeLog.read(file);
        assertThat(episode.problems()).isEmpty();
        assertThat(episode.records()).extracting(EpisodeRecord::type).containsExactly("episode_start", "prompt",
                "reply", "action", "command", "observation", "note", "episode_end");
        assertThat(episode.records()).extracting(EpisodeRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(episode.records()).extracting(EpisodeRecord::ms).containsExactly(250L, 500L, 750L, 1000L, 1250L,
                1500L, 1750L, 2000L);
        assertThat(episode.records().getFirst().t()).isEqualTo(START.plusMillis(250));

        EpisodeRecord start = episode.first("episode_start").orElseThrow();
        assertThat(start.fields()).containsEntry("format", "codeact-episode/1").containsEntry("goal", "Drive to the dock")
                .containsEntry("task", "dock-1").containsEntry("config", Map.of("max_turns", 5L));
        assertThat(episode.first("prompt").orElseThrow().fields().get("messages")).isEqualTo(List.of(
                Map.of("role", "system", "content", "You are a robot."),
                Map.of("role", "user", "content", "Drive to the dock")));
        assertThat(episode.first("reply").orElseThrow().fields()).containsEntry("latency_ms", 830L)
                .containsEntry("usage", Map.of("prompt_tokens", 120L, "completion_tokens", 14L));
        assertThat(episode.first("action").orElseThrow().fields()).containsEntry("code", "print(robot.pose())")
                .containsEntry("thought", "Check the pose.").containsEntry("ignored_blocks", List.of("robot.drive(1)"))
                .doesNotContainKey("tool_call");
        assertThat(episode.first("observation").orElseThrow().text("stdout")).contains("(0.0, 0.0, 0.0)\n");
        EpisodeRecord end = episode.last("episode_end").orElseThrow();
        assertThat(end.flag("success")).contains(true);
        assertThat(end.text("outcome")).contains("solved");
        assertThat(episode.finished()).isTrue();
    }

    @Test
    void writesOneJsonObjectPerLineWithTheCommonFieldsFirst() throws IOException {
        Path file = dir.resolve("a.jsonl");
        try (EpisodeLog log = open(file)) {
            log.note("hello");
        }
        assertThat(Files.readString(file)).isEqualTo(
                "{\"seq\":1,\"t\":\"2025-03-01T09:00:00.250Z\",\"ms\":250,\"type\":\"note\",\"text\":\"hello\"}\n");
    }

    @Test
    void recordsAToolCallOfTheBaselines() throws IOException {
        Path file = dir.resolve("json.jsonl");
        ParsedReply.Action a = (ParsedReply.Action) new JsonActionParser().parse(
                "{\"tool\": \"base.drive\", \"arguments\": {\"speed\": 0.5}}");
        try (EpisodeLog log = open(file)) {
            log.action(1, a);
        }
        assertThat(EpisodeLog.read(file).records().getFirst().fields().get("tool_call")).isEqualTo(
                Map.of("tool", "base.drive", "positional", List.of(), "named", Map.of("speed", 0.5)));
    }

    @Test
    void everyRecordIsOnDiskBeforeRecordReturns() throws IOException {
        Path file = dir.resolve("live.jsonl");
        try (EpisodeLog log = open(file)) {
            for (int i = 1; i <= 5; i++) {
                log.record("telemetry", Map.of("i", i));
                RecordedEpisode soFar = EpisodeLog.read(file);
                assertThat(soFar.problems()).isEmpty();
                assertThat(soFar.records()).hasSize(i);
                assertThat(soFar.records().getLast().number("i")).contains((long) i);
            }
        }
    }

    @Test
    void toleratesATruncatedLastLineAndKeepsTheRecordsBeforeIt() throws IOException {
        Path file = dir.resolve("killed.jsonl");
        try (EpisodeLog log = open(file)) {
            log.note("one");
            log.note("two");
        }
        Files.writeString(file, "{\"seq\":3,\"t\":\"2025-03-01T09:00:01Z\",\"ms\":7", StandardOpenOption.APPEND);

        RecordedEpisode episode = EpisodeLog.read(file);
        assertThat(episode.records()).extracting(r -> r.text("text").orElseThrow()).containsExactly("one", "two");
        assertThat(episode.problems()).containsExactly(file + ":3: the last line is incomplete (42 characters, no "
                + "newline): the writer stopped in the middle of a record, e.g. the controller was killed. The 2 "
                + "records before it were read.");
        assertThat(episode.finished()).isFalse();
    }

    @Test
    void keepsACompleteLastRecordThatLostOnlyItsNewline() throws IOException {
        Path file = dir.resolve("no-newline.jsonl");
        Files.writeString(file, "{\"seq\":1,\"t\":\"2025-03-01T09:00:00Z\",\"ms\":0,\"type\":\"note\",\"text\":\"x\"}");
        assertThat(EpisodeLog.read(file).records()).hasSize(1);
        assertThat(EpisodeLog.read(file).problems()).isEmpty();
    }

    @Test
    void skipsAndReportsADamagedLineInTheMiddle() throws IOException {
        Path file = dir.resolve("damaged.jsonl");
        Files.writeString(file, """
                {"seq":1,"t":"2025-03-01T09:00:00Z","ms":0,"type":"note","text":"a"}
                {"seq":2,"t":"2025-03-01T09:00
                {"seq":3,"t":"2025-03-01T09:00:00Z","ms":5,"text":"no type"}
                {"seq":4,"t":"2025-03-01T09:00:00Z","ms":9,"type":"note","text":"d"}
                """);
        RecordedEpisode episode = EpisodeLog.read(file);
        assertThat(episode.records()).extracting(EpisodeRecord::seq).containsExactly(1L, 4L);
        assertThat(episode.problems()).hasSize(2);
        assertThat(episode.problems().get(0)).startsWith(file + ":2: not an episode record (").endsWith("); line skipped.");
        assertThat(episode.problems().get(1)).isEqualTo(file + ":3: not an episode record (no \"type\" member); line skipped.");
    }

    @Test
    void neverOverwritesAnExistingLog() throws IOException {
        Path file = dir.resolve("taken.jsonl");
        Files.writeString(file, "precious\n");
        assertThatThrownBy(() -> EpisodeLog.open(file))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessage(file + ": an episode log is never overwritten; choose another --log file or move this one away");
        assertThat(Files.readString(file)).isEqualTo("precious\n");
    }

    @Test
    void namesTheFileWhenItsDirectoryIsAFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "");
        Path file = blocker.resolve("run.jsonl");
        assertThatThrownBy(() -> EpisodeLog.open(file))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot create episode log " + file + ": " + blocker
                        + " exists and is not a directory; check the --log path")
                .hasCauseInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void reportsTheFirstWriteFailureOnceAndDropsLaterRecordsWithoutThrowing() {
        List<String> reports = new ArrayList<>();
        var disk = new FillingDisk(2);
        EpisodeLog log = new EpisodeLog(Path.of("episodes/full.jsonl"), disk, optionsReportingTo(reports));

        assertThat(log.record("note", Map.of("text", "1"))).isEqualTo(1);
        log.note("2");
        log.note("3");
        log.observation(1, "out", Map.of());
        log.close();

        assertThat(reports).containsExactly("episode log episodes/full.jsonl: could not write record 3 (note): No space "
                + "left on device. Records 1-2 are on disk; later records are dropped.");
        assertThat(log.failure()).get().extracting(Throwable::getMessage).isEqualTo("No space left on device");
        assertThat(log.droppedRecords()).isEqualTo(2);
        assertThat(disk.written()).hasLineCount(2).contains("\"text\":\"1\"", "\"text\":\"2\"");
    }

    private static EpisodeLog.Options optionsReportingTo(List<String> reports) {
        return new EpisodeLog.Options().onFailure((message, cause) -> reports.add(message))
                .clock(new SteppingClock(START, Duration.ofMillis(1)));
    }

    @Test
    void concurrentWritersNeverInterleaveAndSeqFollowsFileOrder() throws Exception {
        Path file = dir.resolve("busy.jsonl");
        int threads = 4;
        int each = 250;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (EpisodeLog log = open(file)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        log.record("telemetry", Map.of("writer", writer, "i", i, "pad", "x".repeat(300)));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        RecordedEpisode episode = EpisodeLog.read(file);
        assertThat(episode.problems()).isEmpty();
        assertThat(episode.records()).extracting(EpisodeRecord::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * each).boxed().toList());
        for (int t = 0; t < threads; t++) {
            int writer = t;
            assertThat(episode.records().stream().filter(r -> r.number("writer").orElseThrow() == writer)
                    .map(r -> r.number("i").orElseThrow()).toList())
                    .as("each writer's records in its own order").isSorted().hasSize(each);
        }
    }

    @Test
    void rejectsFieldsThatClashWithTheCommonOnesAndTypesThatAreNotSnakeCase() throws IOException {
        try (EpisodeLog log = open(dir.resolve("strict.jsonl"))) {
            assertThatThrownBy(() -> log.record("note", Map.of("seq", 5)))
                    .hasMessage("field \"seq\" of a note record clashes with the common fields seq, t, ms and type; rename it");
            assertThatThrownBy(() -> log.record("Safety Event", Map.of()))
                    .hasMessage("record type must be snake_case like \"safety_event\", got \"Safety Event\"");
        }
    }

    @Test
    void refusesRecordsAfterClose() throws IOException {
        Path file = dir.resolve("closed.jsonl");
        EpisodeLog log = open(file);
        log.close();
        log.close();
        assertThatThrownBy(() -> log.note("late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("episode log " + file + " is closed; the note record was not written");
    }

    @Test
    void leavesOutNullFieldsAndWritesUnserialisableValuesAsText() throws IOException {
        Path file = dir.resolve("values.jsonl");
        try (EpisodeLog log = open(file)) {
            Map<String, Object> fields = new java.util.HashMap<>();
            fields.put("missing", null);
            fields.put("when", Instant.parse("2025-03-01T09:00:00Z"));
            fields.put("opaque", new Object() {
                @Override
                public String toString() {
                    return "opaque-thing";
                }
            });
            log.record("telemetry", fields);
        }
        EpisodeRecord r = EpisodeLog.read(file).records().getFirst();
        assertThat(r.fields()).doesNotContainKey("missing")
                .containsEntry("when", "2025-03-01T09:00:00Z")
                .containsEntry("opaque", "opaque-thing");
    }

    /** A channel that accepts {@code lines} writes and then fails as a full disk does. */
    private static final class FillingDisk implements WritableByteChannel {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final int capacity;
        private boolean open = true;

        FillingDisk(int lines) {
            this.capacity = lines;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (lines.size() >= capacity) {
                throw new IOException("No space left on device");
            }
            byte[] bytes = new byte[src.remaining()];
            src.get(bytes);
            lines.add(new String(bytes, StandardCharsets.UTF_8));
            return bytes.length;
        }

        String written() {
            return String.join("", lines);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
