package io.codeact.bridge.agent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an episode log, as read back by {@link EpisodeLog#read}: the common members
 * {@code seq}, {@code t}, {@code ms} and {@code type}, and the record's own {@code fields} as plain
 * Java values ({@link String}, {@link Long} (or {@link java.math.BigInteger}), {@link Double}, {@link Boolean},
 * {@link List}, {@link Map}; {@code null} for JSON null).
 *
 * @param seq  1 for the first record of the episode, then +1 per record written
 * @param t    wall-clock time the record was written (from the log's clock)
 * @param ms   milliseconds since the log was opened
 * @param type the record type, one of the constants here or a type of the writer's own
 */
public record EpisodeRecord(long seq, Instant t, long ms, String type, Map<String, Object> fields) {
    public static final String EPISODE_START = "episode_start";
    public static final String PROMPT = "prompt";
    public static final String REPLY = "reply";
    public static final String ACTION = "action";
    public static final String OBSERVATION = "observation";
    public static final String COMMAND = "command";
    public static final String SAFETY_EVENT = "safety_event";
    public static final String TELEMETRY = "telemetry";
    public static final String NOTE = "note";
    public static final String EPISODE_END = "episode_end";

    public EpisodeRecord {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(type, "type");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Whether this record is of the given type. */
    public boolean is(String recordType) {
        return type.equals(recordType);
    }

    /** A text field; empty when absent or not a string. */
    public Optional<String> text(String name) {
        return fields.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A whole-number field; empty when absent or not a number. */
    public Optional<Long> number(String name) {
        return fields.get(name) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** A boolean field; empty when absent or not a boolean. */
    public Optional<Boolean> flag(String name) {
        return fields.get(name) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** The {@code turn} field, or 0 for records outside a turn (episode start, background telemetry). */
    public int turn() {
        return number("turn").map(Long::intValue).orElse(0);
    }
}
