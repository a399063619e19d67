package io.codeact.bridge.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An episode log read back from disk: its records in file order and the problems met while reading.
 *
 * <p>A controller killed mid-write leaves an incomplete last line; it is reported in {@code problems}
 * and every record before it is kept. A damaged line elsewhere is skipped and reported the same way.
 * {@code problems} are sentences for a person, naming the file and line.
 */
public record RecordedEpisode(Path file, List<EpisodeRecord> records, List<String> problems) {
    public RecordedEpisode {
        Objects.requireNonNull(file, "file");
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /** The records of one type, in order. */
    public List<EpisodeRecord> ofType(String type) {
        return records.stream().filter(r -> r.is(type)).toList();
    }

    /** The first record of a type, e.g. {@code episode_start}. */
    public Optional<EpisodeRecord> first(String type) {
        return records.stream().filter(r -> r.is(type)).findFirst();
    }

    /** The last record of a type, e.g. {@code episode_end}. */
    public Optional<EpisodeRecord> last(String type) {
        return ofType(type).stream().reduce((a, b) -> b);
    }

    /** Whether the episode reached its {@code episode_end} record. */
    public boolean finished() {
        return first(EpisodeRecord.EPISODE_END).isPresent();
    }
}
