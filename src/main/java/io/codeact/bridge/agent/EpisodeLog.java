package io.codeact.bridge.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The record of one episode: a JSONL file, one JSON object per line, written and flushed record by
 * record so that a killed controller leaves a readable log up to its last complete record.
 *
 * <p>Every line has {@code seq} (1, 2, …), {@code t} (ISO-8601 UTC wall time), {@code ms} (milliseconds
 * since the log was opened) and {@code type}, then the record's own fields (null values are left out):
 * <table>
 * <caption>record types</caption>
 * <tr><th>type</th><th>fields</th></tr>
 * <tr><td>{@code episode_start}</td><td>{@code format} ({@value #FORMAT}), {@code goal}, {@code model},
 *     {@code mode}, {@code task}, {@code config}</td></tr>
 * <tr><td>{@code prompt}</td><td>{@code turn}, {@code messages} [{role, content}] added to the
 *     conversation since the previous prompt (the first holds system prompt and goal), {@code replace}
 *     true when {@code messages} is the whole conversation (after old observations were shortened)</td></tr>
 * <tr><td>{@code reply}</td><td>{@code turn}, {@code text} as received, {@code usage} (token counts),
 *     {@code latency_ms}</td></tr>
 * <tr><td>{@code action}</td><td>{@code turn}, {@code thought}, {@code code}, {@code tool_call}
 *     {tool, positional, named}, {@code ignored_blocks}, {@code notes}</td></tr>
 * <tr><td>{@code observation}</td><td>{@code turn}, {@code text} as shown to the model, and details:
 *     {@code stdout}, {@code error}, {@code telemetry}, {@code safety_events}</td></tr>
 * <tr><td>{@code command}, {@code safety_event}, {@code telemetry}</td><td>{@code turn} when inside one,
 *     and what the writer knows (robot, command, arguments, rule, decision, topic, summary)</td></tr>
 * <tr><td>{@code note}</td><td>{@code text}</td></tr>
 * <tr><td>{@code episode_end}</td><td>{@code outcome} ({@code solved}, {@code max_turns},
 *     {@code token_budget}, {@code time_budget}, {@code interrupted}, {@code error}), {@code turns},
 *     {@code success} (only when the task has a check), {@code answer}</td></tr>
 * </table>
 * The typed methods write these; {@link #record} writes any type (snake_case) with any fields.
 *
 * <p><b>Durability.</b> Each record is written with one write to the file (no buffer in this process),
 * so it survives the controller being killed; with {@link Options#fsync(boolean)} it is also forced to
 * the disk, to survive a power cut. <b>Threading:</b> all methods are thread-safe; one lock orders
 * records, so {@code seq} order is file order. <b>Failures:</b> {@link #open} throws when the file cannot
 * be created (it never overwrites an existing log). After that, recording never throws for I/O: the
 * first failed write is reported once to the {@link FailureListener} (by default a line on stderr),
 * kept in {@link #failure()}, and every later record is dropped and counted in {@link #droppedRecords()},
 * so the file stays a clean prefix of the episode.
 *
 * <pre>{@code
 * try (EpisodeLog log = EpisodeLog.open(Path.of("episodes/run-1.jsonl"))) {
 *     log.episodeStart(goal, "openai:gpt-4o", "code", null, Map.of("max_turns", 10));
 *     ...
 * }
 * }</pre>
 */
public final class EpisodeLog implements AutoCloseable {
    /** The {@code format} of {@code episode_start}: bumped when a field changes meaning. */
    public static final String FORMAT = "codeact-episode/1";

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule("episode-log")
                    .addSerializer(TemporalAccessor.class, ToStringSerializer.instance)
                    .addSerializer(Duration.class, ToStringSerializer.instance)
                    .addSerializer(Path.class, ToStringSerializer.instance));
    private static final Set<String> COMMON = Set.of("seq", "t", "ms", "type");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*");

    /** Told once, about the first record the log could not write. */
    @FunctionalInterface
    public interface FailureListener {
        /** @param message a sentence for a person: the file, the record, what is on disk and what is lost */
        void failed(String message, IOException cause);
    }

    /** Options for {@link #open(Path, Consumer)}. */
    public static final class Options {
        private Clock clock = Clock.systemUTC();
        private FailureListener onFailure = (message, cause) -> System.err.println("codeact: " + message);
        private boolean fsync;

        Options() {}

        /** The clock for {@code t} and {@code ms}: the sim clock in simulations, a fixed one in tests. */
        public Options clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Who hears about the first failed write; the default prints one line to stderr. */
        public Options onFailure(FailureListener value) {
            onFailure = Objects.requireNonNull(value, "onFailure");
            return this;
        }

        /** Force each record to the disk, not only to the operating system (slower; survives power loss). */
        public Options fsync(boolean value) {
            fsync = value;
            return this;
        }
    }

    /** A chat message as the log keeps it. */
    public record Message(String role, String content) {
        public Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }
    }

    private final Path file;
    private final WritableByteChannel channel;
    private final Options options;
    private final Instant opened;
    private final ReentrantLock lock = new ReentrantLock();
    private long seq;
    private IOException failure;
    private long dropped;
    private boolean closed;

    EpisodeLog(Path file, WritableByteChannel channel, Options options) {
        this.file = file;
        this.channel = channel;
        this.options = options;
        this.opened = options.clock.instant();
    }

    /** Creates a new log file (and its directories) with default options. */
    public static EpisodeLog open(Path file) throws IOException {
        return open(file, options -> { });
    }

    /**
     * Creates a new log file and its parent directories.
     *
     * @throws FileAlreadyExistsException if the file exists: a log is never overwritten or appended to
     * @throws IOException                if the file cannot be created; the message names it
     */
    public static EpisodeLog open(Path file, Consumer<Options> configure) throws IOException {
        Options options = new Options();
        configure.accept(options);
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create episode log " + file + ": " + e.getFile()
                    + " exists and is not a directory; check the --log path", e);
        } catch (IOException e) {
            throw cannotCreate(file, e);
        }
        try {
            return new EpisodeLog(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    options);
        } catch (FileAlreadyExistsException e) {
            var named = new FileAlreadyExistsException(file.toString(), null,
                    "an episode log is never overwritten; choose another --log file or move this one away");
            named.initCause(e);
            throw named;
        } catch (IOException e) {
            throw cannotCreate(file, e);
        }
    }

    private static IOException cannotCreate(Path file, IOException e) {
        return new IOException("cannot create episode log " + file + " (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + "); check the --log path and that its directory is writable", e);
    }

    /** Reads a log back; see {@link RecordedEpisode} for what is tolerated. */
    public static RecordedEpisode read(Path file) throws IOException {
        return EpisodeLogReader.read(file);
    }

    public Path file() {
        return file;
    }

    /**
     * Writes one record.
     *
     * @param type   snake_case record type, e.g. {@code command}
     * @param fields the record's fields; values are serialised by Jackson (records, maps, lists, java.time
     *               as ISO text), and a value Jackson cannot serialise is written as its {@code toString()}
     * @return the record's {@code seq} (also when the record was dropped after a write failure)
     * @throws IllegalArgumentException if the type is not snake_case or a field is named seq, t, ms or type
     * @throws IllegalStateException    if the log is closed
     */
    public long record(String type, Map<String, ?> fields) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("record type must be snake_case like \"safety_event\", got \"" + type + "\"");
        }
        for (String name : fields.keySet()) {
            if (COMMON.contains(name)) {
                throw new IllegalArgumentException("field \"" + name + "\" of a " + type + " record clashes with the "
                        + "common fields seq, t, ms and type; rename it");
            }
        }
        String report = null;
        IOException cause = null;
        long n;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("episode log " + file + " is closed; the " + type
                        + " record was not written");
            }
            n = ++seq;
            if (failure != null) {
                dropped++;
                return n;
            }
            try {
                write(encode(n, options.clock.instant(), type, fields));
            } catch (IOException e) {
                failure = e;
                dropped++;
                cause = e;
                report = "episode log " + file + ": could not write record " + n + " (" + type + "): " + e.getMessage()
                        + ". Records 1-" + (n - 1) + " are on disk; later records are dropped.";
            }
        } finally {
            lock.unlock();
        }
        if (report != null) {
            options.onFailure.failed(report, cause);
        }
        return n;
    }

    public void episodeStart(String goal, String model, String mode, String taskId, Map<String, ?> config) {
        record(EpisodeRecord.EPISODE_START, fields("format", FORMAT, "goal", goal, "model", model, "mode", mode,
                "task", taskId, "config", config));
    }

    /** Messages added to the conversation since the last prompt record (the first: system prompt and goal). */
    public void prompt(int turn, List<Message> added) {
        record(EpisodeRecord.PROMPT, fields("turn", turn, "messages", added));
    }

    /** The whole conversation, replacing what earlier prompt records built (after shortening old turns). */
    public void promptReplacing(int turn, List<Message> conversation) {
        record(EpisodeRecord.PROMPT, fields("turn", turn, "messages", conversation, "replace", true));
    }

    /** @param usage token counts as the model reported them, or null; @param latencyMs time to the full reply */
    public void reply(int turn, String text, Map<String, ?> usage, long latencyMs) {
        record(EpisodeRecord.REPLY, fields("turn", turn, "text", text, "usage", usage, "latency_ms", latencyMs));
    }

    public void action(int turn, ParsedReply.Action action) {
        record(EpisodeRecord.ACTION, fields("turn", turn, "thought", action.thought(), "code", action.code(),
                "tool_call", action.toolCall().orElse(null),
                "ignored_blocks", action.ignoredBlocks().isEmpty() ? null : action.ignoredBlocks(),
                "notes", action.notes().isEmpty() ? null : action.notes()));
    }

    /**
     * @param text    the observation exactly as sent to the model
     * @param details added to the record as fields: by convention {@code stdout}, {@code error},
     *                {@code telemetry}, {@code safety_events}
     */
    public void observation(int turn, String text, Map<String, ?> details) {
        Map<String, Object> all = fields("turn", turn, "text", text);
        all.putAll(details);
        record(EpisodeRecord.OBSERVATION, all);
    }

    public void note(String text) {
        record(EpisodeRecord.NOTE, fields("text", text));
    }

    /** The end of an episode without a success check (a free-form goal). */
    public void episodeEnd(String outcome, int turns, String answer) {
        record(EpisodeRecord.EPISODE_END, fields("outcome", outcome, "turns", turns, "answer", answer));
    }

    /** The end of an episode whose task has a success check. */
    public void episodeEnd(String outcome, int turns, String answer, boolean success) {
        record(EpisodeRecord.EPISODE_END, fields("outcome", outcome, "turns", turns, "success", success,
                "answer", answer));
    }

    /** The first write failure, if any; records after it were dropped. */
    public Optional<IOException> failure() {
        lock.lock();
        try {
            return Optional.ofNullable(failure);
        } finally {
            lock.unlock();
        }
    }

    /** How many records were not written because an earlier write failed. */
    public long droppedRecords() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the file. Never throws: a failure to close is reported like a write failure. Idempotent. */
    @Override
    public void close() {
        String report = null;
        IOException cause = null;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                    cause = e;
                    report = "episode log " + file + ": could not close the file: " + e.getMessage() + ". Records 1-"
                            + seq + " were written before.";
                }
            }
        } finally {
            lock.unlock();
        }
        if (report != null) {
            options.onFailure.failed(report, cause);
        }
    }

    private void write(byte[] line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        if (options.fsync && channel instanceof FileChannel fc) {
            fc.force(false);
        }
    }

    private byte[] encode(long n, Instant now, String type, Map<String, ?> fields) {
        ObjectNode line = JSON.createObjectNode();
        line.put("seq", n);
        line.put("t", now.truncatedTo(ChronoUnit.MILLIS).toString());
        line.put("ms", Duration.between(opened, now).toMillis());
        line.put("type", type);
        fields.forEach((name, value) -> {
            if (value != null) {
                line.set(name, tree(value));
            }
        });
        try {
            byte[] json = JSON.writeValueAsBytes(line);
            byte[] withNewline = new byte[json.length + 1];
            System.arraycopy(json, 0, withNewline, 0, json.length);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static JsonNode tree(Object value) {
        try {
            return JSON.valueToTree(value);
        } catch (IllegalArgumentException e) {
            return TextNode.valueOf(String.valueOf(value));
        }
    }

    /** A map of alternating names and values that keeps order and nulls (nulls are left out when written). */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
