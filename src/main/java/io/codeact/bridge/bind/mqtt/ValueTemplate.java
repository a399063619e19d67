package io.codeact.bridge.bind.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Home Assistant's Jinja value templates the binding understands: {@code {{ value }}} (the payload
 * as it is) and {@code {{ value_json.a.b }}} or {@code {{ value_json['a'] }}} (a field of a JSON payload).
 * Anything else (filters, arithmetic, conditions) is refused when the devices are read, so a state is never
 * misread. Immutable.
 */
final class ValueTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHOLE = Pattern.compile("\\{\\{\\s*(value|value_json((?:\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\s*'[^']*'\\s*\\]|\\[\\s*\"[^\"]*\"\\s*\\])*))\\s*}}");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*'([^']*)'\\s*\\]|\\[\\s*\"([^\"]*)\"\\s*\\]");

    /** The payload as it is. */
    static final ValueTemplate RAW = new ValueTemplate("{{ value }}", null);

    private final String text;
    private final List<String> path;  // null: the raw payload

    private ValueTemplate(String text, List<String> path) {
        this.text = text;
        this.path = path;
    }

    /** A field of a JSON payload, e.g. {@code state} of a JSON-schema light. */
    static ValueTemplate field(String... path) {
        return new ValueTemplate("{{ value_json." + String.join(".", path) + " }}", List.of(path));
    }

    /**
     * Reads a template; null or blank is {@link #RAW}.
     *
     * @throws IllegalArgumentException when it is more than a value or a JSON field
     */
    static ValueTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            return RAW;
        }
        Matcher m = WHOLE.matcher(template.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("the template '" + template + "' is more than the binding reads; it understands "
                    + "{{ value }} and {{ value_json.FIELD }} (also value_json['FIELD'])");
        }
        if (m.group(1).equals("value")) {
            return RAW;
        }
        List<String> path = new ArrayList<>();
        Matcher step = STEP.matcher(m.group(2));
        while (step.find()) {
            path.add(step.group(1) != null ? step.group(1) : step.group(2) != null ? step.group(2) : step.group(3));
        }
        return new ValueTemplate(template.strip(), List.copyOf(path));
    }

    /** The value a payload carries, as text; null when the payload lacks the field (or is not JSON). */
    String apply(String payload) {
        if (path == null) {
            return payload.strip();
        }
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (IOException e) {
            return null;
        }
        for (String key : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(key);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
