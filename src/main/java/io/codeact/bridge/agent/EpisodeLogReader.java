package io.codeact.bridge.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an episode log back, keeping every complete record and reporting what it had to skip. */
final class EpisodeLogReader {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private EpisodeLogReader() {}

    static RecordedEpisode read(Path file) throws IOException {
        String content;
        try {
            content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            var named = new NoSuchFileException(file.toString(), null, "no such episode log");
            named.initCause(e);
            throw named;
        }
        List<EpisodeRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        // content ending in \n leaves an empty last piece; anything else there is a line the writer never finished
        int last = lines.length - 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            boolean unterminated = i == last;
            try {
                records.add(toRecord(JSON.readTree(line)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                problems.add(unterminated
                        ? file + ":" + (i + 1) + ": the last line is incomplete (" + line.length() + " characters, no "
                                + "newline): the writer stopped in the middle of a record, e.g. the controller was "
                                + "killed. The " + records.size() + " records before it were read."
                        : file + ":" + (i + 1) + ": not an episode record (" + why + "); line skipped.");
            }
        }
        return new RecordedEpisode(file, records, problems);
    }

    private static EpisodeRecord toRecord(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a line must be one JSON object");
        }
        for (String name : List.of("seq", "t", "ms", "type")) {
            if (!node.hasNonNull(name)) {
                throw new IllegalArgumentException("no \"" + name + "\" member");
            }
        }
        Instant t;
        try {
            t = Instant.parse(node.get("t").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"t\" is not an ISO-8601 instant: " + node.get("t"), e);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!List.of("seq", "t", "ms", "type").contains(e.getKey())) {
                fields.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
            }
        });
        return new EpisodeRecord(node.get("seq").asLong(), t, node.get("ms").asLong(), node.get("type").asText(), fields);
    }
}
