package io.codeact.bridge.sim.node;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command as it arrived on a {@code …/cmd} topic, read leniently: a payload that is not a JSON object
 * still yields its {@code cmd_id} when one can be picked out of the text, so that the sender gets an error
 * echo instead of silence.
 *
 * @param cmdId the command id, or null when none could be read
 * @param args the arguments (every field but {@code cmd_id} and {@code ts}), or null when the payload is malformed
 * @param problem what is wrong with the payload, or null
 */
record CommandPayload(String cmdId, Map<String, Object> args, String problem) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final Pattern ID = Pattern.compile("\"cmd_id\"\\s*:\\s*(?:\"([^\"\\\\]{1,200})\"|(-?\\d{1,19}))");

    static CommandPayload parse(byte[] payload) {
        Object value;
        try {
            value = payload.length == 0 ? null : JSON.readValue(payload, Object.class);
        } catch (IOException e) {
            return new CommandPayload(salvageId(payload), null, "the payload is not JSON: " + preview(payload));
        }
        if (!(value instanceof Map<?, ?>)) {
            return new CommandPayload(null, null, "a command must be a JSON object with a \"cmd_id\", got "
                    + (value == null ? "an empty payload" : preview(payload)));
        }
        Map<String, Object> fields = JSON.convertValue(value, MAP);
        Object id = fields.remove("cmd_id");
        fields.remove("ts");
        if (!(id instanceof String) && !(id instanceof Number)) {
            return new CommandPayload(null, null, "a command needs a string \"cmd_id\" to be confirmed, got "
                    + (id == null ? "none" : id.getClass().getSimpleName() + " " + id));
        }
        if (id instanceof String s && s.isEmpty()) {
            return new CommandPayload(null, null, "a command needs a non-empty \"cmd_id\" to be confirmed");
        }
        return new CommandPayload(String.valueOf(id), fields, null);
    }

    /** The payload as a JSON object, or null if it is not one. */
    static Map<String, Object> jsonObject(byte[] payload) {
        try {
            Object value = payload.length == 0 ? null : JSON.readValue(payload, Object.class);
            return value instanceof Map<?, ?> ? JSON.convertValue(value, MAP) : null;
        } catch (IOException e) {
            return null;
        }
    }

    boolean malformed() {
        return problem != null;
    }

    private static String salvageId(byte[] payload) {
        Matcher m = ID.matcher(new String(payload, StandardCharsets.UTF_8));
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    static String preview(byte[] payload) {
        int n = Math.min(payload.length, 80);
        String text = new String(payload, 0, n, StandardCharsets.UTF_8).replace("\n", "\\n");
        return "'" + text + (payload.length > n ? "…' (" + payload.length + " bytes)" : "'");
    }
}
