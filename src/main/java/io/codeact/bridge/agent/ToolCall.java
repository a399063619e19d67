package io.codeact.bridge.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One tool call of the JSON and text baselines: {@code base.drive(0.5, heading=1.57)}.
 *
 * <p>Values are plain Java: {@code null}, {@link Boolean}, {@link Long} or {@link java.math.BigInteger}
 * for integers, {@link Double} for floats, {@link String}, {@link List} and {@link Map}. The tool name
 * is a dotted Python name and argument names are Python identifiers, checked here, so rendering the call
 * as Python ({@link #toPython()}) can never smuggle in other code.
 *
 * @param tool       the dotted name the session exposes, e.g. {@code base.drive}
 * @param positional positional arguments, in order
 * @param named      keyword arguments, in the order written
 */
public record ToolCall(String tool, List<Object> positional, Map<String, Object> named) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield");

    public ToolCall {
        Objects.requireNonNull(tool, "tool");
        if (!isDottedName(tool)) {
            throw new IllegalArgumentException("tool must be a dotted Python name like \"base.drive\", got \""
                    + tool + "\"");
        }
        positional = unmodifiable(positional);
        Map<String, Object> copy = new LinkedHashMap<>();
        named.forEach((name, value) -> {
            if (!isIdentifier(name)) {
                throw new IllegalArgumentException("argument names must be Python identifiers like \"speed\", got \""
                        + name + "\" (tool " + tool + ")");
            }
            copy.put(name, value);
        });
        named = Collections.unmodifiableMap(copy);
    }

    /** A call with keyword arguments only. */
    public static ToolCall of(String tool, Map<String, Object> named) {
        return new ToolCall(tool, List.of(), named);
    }

    /** The call as a Python expression, e.g. {@code base.drive(0.5, heading=1.57, label="dock")}. */
    public String toPython() {
        StringBuilder out = new StringBuilder(tool).append('(');
        String sep = "";
        for (Object value : positional) {
            out.append(sep).append(PythonLiterals.render(value));
            sep = ", ";
        }
        for (Map.Entry<String, Object> e : named.entrySet()) {
            out.append(sep).append(e.getKey()).append('=').append(PythonLiterals.render(e.getValue()));
            sep = ", ";
        }
        return out.append(')').toString();
    }

    static boolean isDottedName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches() && !KEYWORDS.contains(name);
    }

    private static List<Object> unmodifiable(List<Object> values) {
        return Collections.unmodifiableList(new ArrayList<>(values)); // List.copyOf rejects None
    }
}
