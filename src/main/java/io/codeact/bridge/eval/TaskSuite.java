package io.codeact.bridge.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.codeact.bridge.tools.YamlLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tasks loaded from {@code simulations/tasks/*.yaml}: each file holds one task, or a list under
 * {@code tasks:}. Validated on load; errors name the file, line, task and field.
 */
public final class TaskSuite {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("id", "world", "seed", "scenario", "goal", "difficulty",
            "max_turns", "check", "reference");
    private final List<Task> tasks;

    private TaskSuite(List<Task> tasks) {
        this.tasks = List.copyOf(tasks);
    }

    public List<Task> tasks() {
        return tasks;
    }

    public Optional<Task> find(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Loads every {@code *.yaml} under a directory (sorted by name), or one file. */
    public static TaskSuite load(Path dirOrFile) {
        List<Path> files;
        if (Files.isDirectory(dirOrFile)) {
            try (Stream<Path> s = Files.walk(dirOrFile)) {
                files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            } catch (IOException e) {
                throw new TaskException(dirOrFile + ": cannot list tasks: " + e.getMessage());
            }
        } else if (Files.isRegularFile(dirOrFile)) {
            files = List.of(dirOrFile);
        } else {
            throw new TaskException("no task suite at " + dirOrFile + ": give a directory of task files or one file");
        }
        List<Task> all = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            for (Task t : loadFile(file)) {
                String earlier = seen.putIfAbsent(t.id(), t.source());
                if (earlier != null) {
                    throw new TaskException(t.source() + ": task id '" + t.id() + "' is already used at " + earlier);
                }
                all.add(t);
            }
        }
        return new TaskSuite(all);
    }

    private static List<Task> loadFile(Path file) {
        String text;
        JsonNode root;
        YamlLines lines;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            root = YAML.readTree(text);
            lines = new YamlLines(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new TaskException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TaskException(file + ": cannot read: " + e.getMessage());
        }
        List<Task> out = new ArrayList<>();
        if (root != null && root.has("tasks")) {
            JsonNode list = root.get("tasks");
            for (int i = 0; i < list.size(); i++) {
                out.add(task(file, lines, list.get(i), "/tasks/" + i));
            }
        } else {
            out.add(task(file, lines, root, ""));
        }
        return out;
    }

    private static Task task(Path file, YamlLines lines, JsonNode n, String at) {
        if (n == null || !n.isObject()) {
            throw new TaskException(file + ":" + lines.line(at) + ": a task must be a mapping with id, world, goal, check and reference");
        }
        String id = n.path("id").asText("");
        String where = file + ":" + lines.line(at) + ": task " + (id.isEmpty() ? "(no id)" : id);
        n.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw new TaskException(file + ":" + lines.line(at + "/" + k) + ": task " + id + ", field " + k
                        + ": unknown field; allowed: " + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
        });
        for (String required : List.of("id", "world", "goal", "check", "reference")) {
            if (!n.hasNonNull(required) || n.get(required).isValueNode() && n.get(required).asText().isBlank()) {
                throw new TaskException(where + ": missing required field '" + required + "'");
            }
        }
        String problem = SuccessCheck.problem(n.get("check"));
        if (problem != null) {
            throw new TaskException(file + ":" + lines.line(at + "/check") + ": task " + id + ", field check: " + problem);
        }
        String difficulty = n.path("difficulty").asText("medium");
        if (!Set.of("easy", "medium", "hard").contains(difficulty)) {
            throw new TaskException(file + ":" + lines.line(at + "/difficulty") + ": task " + id
                    + ", field difficulty: use easy, medium or hard, got '" + difficulty + "'");
        }
        int maxTurns = n.path("max_turns").asInt(10);
        if (maxTurns < 1 || maxTurns > 100) {
            throw new TaskException(file + ":" + lines.line(at + "/max_turns") + ": task " + id + ", field max_turns: must be 1..100");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> scenario = n.has("scenario") ? YAML.convertValue(n.get("scenario"), Map.class) : Map.of();
        return new Task(id, n.get("world").asText(), n.path("seed").asLong(7), scenario == null ? Map.of() : scenario,
                n.get("goal").asText().strip(), difficulty, maxTurns, new SuccessCheck(n.get("check")),
                n.get("reference").asText(), file + ":" + lines.line(at));
    }
}
