package io.codeact.bridge.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.codeact.bridge.transport.ros.Duration;
import io.codeact.bridge.transport.ros.Time;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code codeact ros} prints ROS values: YAML-like text as rostopic and rosservice print it (nested
 * fields indented, numeric arrays inline, strings quoted), or JSON. Times and durations become
 * {@code {secs, nsecs}}, byte arrays lists of 0..255, NaN and infinities strings in JSON.
 */
final class RosText {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final boolean json;

    RosText(boolean json) {
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /**
     * Parses a value given on the command line: YAML, so JSON too ({@code "data: hi"}, {@code {"x": 1}}, {@code 2.5}).
     *
     * @throws picocli.CommandLine.ParameterException (a usage error) if it does not parse
     */
    static Object parse(picocli.CommandLine cli, String text, String what) {
        try {
            return YAML.readValue(text, Object.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new picocli.CommandLine.ParameterException(cli, what + " is not YAML or JSON: " + e.getOriginalMessage()
                    + " (give e.g. '{linear: {x: 0.2}}' or 'data: hello')", e, null, text);
        }
    }

    /** The value as JSON on one line. */
    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(plain(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value as this printer prints it: JSON, or YAML-like text without a trailing newline. */
    String format(Object value) {
        if (json) {
            return toJson(value);
        }
        StringBuilder out = new StringBuilder();
        yaml(plain(value), "", out);
        String s = out.toString();
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Times, durations, byte arrays and primitive arrays turned into maps and lists. */
    static Object plain(Object value) {
        return switch (value) {
            case Time t -> ordered("secs", t.secs(), "nsecs", t.nsecs());
            case Duration d -> ordered("secs", d.secs(), "nsecs", d.nsecs());
            case byte[] bytes -> {
                List<Integer> out = new ArrayList<>(bytes.length);
                for (byte b : bytes) {
                    out.add(b & 0xFF);
                }
                yield out;
            }
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
                yield out;
            }
            case Collection<?> c -> c.stream().map(RosText::plain).toList();
            case null -> null;
            default -> value;
        };
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static void yaml(Object value, String indent, StringBuilder out) {
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append(indent).append("{}\n");
                return;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(indent).append(e.getKey()).append(':');
                Object v = e.getValue();
                if (v instanceof Map<?, ?> child && !child.isEmpty()) {
                    out.append('\n');
                    yaml(child, indent + "  ", out);
                } else if (v instanceof List<?> list && !list.isEmpty() && list.stream().anyMatch(x -> x instanceof Map<?, ?>)) {
                    out.append('\n');
                    listOfMaps(list, indent, out);
                } else {
                    out.append(' ').append(scalar(v)).append('\n');
                }
            }
        } else if (value instanceof List<?> list && list.stream().anyMatch(x -> x instanceof Map<?, ?>)) {
            listOfMaps(list, indent, out);
        } else {
            out.append(indent).append(scalar(value)).append('\n');
        }
    }

    private static void listOfMaps(List<?> list, String indent, StringBuilder out) {
        for (Object item : list) {
            StringBuilder inner = new StringBuilder();
            yaml(item, indent + "  ", inner);
            out.append(indent).append("- ").append(inner.substring(indent.length() + 2));
        }
    }

    private static String scalar(Object v) {
        return switch (v) {
            case null -> "None";
            case String s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
            case Boolean b -> b ? "True" : "False";
            case List<?> l -> "[" + String.join(", ", l.stream().map(RosText::scalar).toList()) + "]";
            case Map<?, ?> m -> m.isEmpty() ? "{}" : m.toString();
            case Double d when d.isNaN() -> "nan";
            case Double d when d.isInfinite() -> d > 0 ? "inf" : "-inf";
            case Float f when f.isNaN() -> "nan";
            case Float f when f.isInfinite() -> f > 0 ? "inf" : "-inf";
            default -> String.valueOf(v);
        };
    }
}
