package io.codeact.bridge.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a goal message (a JSON object, the same on MQTT and ROS) into a {@link Goal}:
 * <pre>{@code
 * {"goal_id": "g1", "text": "Dock the robot and report the battery level.", "max_turns": 8}
 * {"goal_id": "g2", "task": "warehouse-dock-nearest", "time_budget_s": 120, "token_budget": 20000}
 * }</pre>
 * Exactly one of {@code text} and {@code task}; {@code goal_id} is optional (the node makes one up).
 * Anything else is refused with a {@link MalformedGoalException} naming the field.
 */
final class GoalParser {
    static final List<String> FIELDS = List.of("goal_id", "text", "task", "max_turns", "time_budget_s", "token_budget");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoalParser() {}

    /**
     * @param ids makes up an id for a goal that has none
     * @throws MalformedGoalException naming the field that is wrong and what to send
     */
    static Goal parse(byte[] payload, String source, Supplier<String> ids) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedGoalException(null, null, "the goal is not UTF-8 text; send a JSON object such as "
                    + example());
        }
        return parse(text, source, ids);
    }

    /** As {@link #parse(byte[], String, Supplier)}, from text. */
    static Goal parse(String payload, String source, Supplier<String> ids) {
        JsonNode root;
        try {
            root = payload.isBlank() ? null : JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedGoalException(null, null, "the goal is not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "); send a JSON object such as "
                    + example());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedGoalException(null, null, "the goal must be a JSON object, got "
                    + (root == null ? "an empty message" : kind(root)) + "; send " + example());
        }
        String goalId = null;
        JsonNode id = root.get("goal_id");
        if (id != null && !id.isNull()) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new MalformedGoalException(null, "goal_id", "field 'goal_id' must be a non-empty string, got " + kind(id));
            }
            goalId = id.asText();
            if (goalId.length() > 200) {
                throw new MalformedGoalException(null, "goal_id", "field 'goal_id' is " + goalId.length()
                        + " characters long; at most 200");
            }
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new MalformedGoalException(goalId, name, "unknown field '" + name + "'; a goal has the fields "
                        + String.join(", ", FIELDS));
            }
        }
        String text = optionalString(root, "text", goalId);
        String task = optionalString(root, "task", goalId);
        if (text == null && task == null) {
            throw new MalformedGoalException(goalId, "text", "missing field 'text' (the goal in words) or 'task' (a task id"
                    + " from simulations/tasks); send " + example());
        }
        if (text != null && task != null) {
            throw new MalformedGoalException(goalId, "task", "a goal has 'text' or 'task', not both");
        }
        Integer maxTurns = null;
        JsonNode turns = present(root, "max_turns");
        if (turns != null) {
            if (!turns.isIntegralNumber() || turns.asLong() < 1 || turns.asLong() > 1000) {
                throw new MalformedGoalException(goalId, "max_turns", "field 'max_turns' must be a whole number 1..1000, got "
                        + kind(turns));
            }
            maxTurns = turns.asInt();
        }
        Double timeBudget = null;
        JsonNode time = present(root, "time_budget_s");
        if (time != null) {
            if (!time.isNumber() || !(time.asDouble() > 0) || Double.isInfinite(time.asDouble())) {
                throw new MalformedGoalException(goalId, "time_budget_s", "field 'time_budget_s' must be a number of seconds"
                        + " above 0, got " + kind(time));
            }
            timeBudget = time.asDouble();
        }
        Long tokenBudget = null;
        JsonNode tokens = present(root, "token_budget");
        if (tokens != null) {
            if (!tokens.isIntegralNumber() || tokens.asLong() < 0 || !tokens.canConvertToLong()) {
                throw new MalformedGoalException(goalId, "token_budget", "field 'token_budget' must be a whole number >= 0"
                        + " (0 = no limit), got " + kind(tokens));
            }
            tokenBudget = tokens.asLong();
        }
        return new Goal(goalId != null ? goalId : ids.get(), text, task, maxTurns, timeBudget, tokenBudget, source,
                Instant.now());
    }

    private static String optionalString(JsonNode root, String field, String goalId) {
        JsonNode value = present(root, field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedGoalException(goalId, field, "field '" + field + "' must be a non-empty string, got " + kind(value));
        }
        return value.asText();
    }

    private static JsonNode present(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static String kind(JsonNode value) {
        String shown = value.toString();
        shown = shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
        return switch (value.getNodeType()) {
            case STRING -> "the string " + shown;
            case NUMBER -> "the number " + shown;
            case BOOLEAN -> "the boolean " + shown;
            case ARRAY -> "an array " + shown;
            case OBJECT -> "an object " + shown;
            default -> shown;
        };
    }

    private static String example() {
        return "{\"goal_id\": \"g1\", \"text\": \"Dock the robot and report the battery level.\"}";
    }
}
