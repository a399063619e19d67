package io.codeact.bridge.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's success check: conditions on the world's ground-truth state and on the model's final answer,
 * written in the task file.
 *
 * <pre>
 * check:
 *   all:
 *     - {state: robots.r1.docked_at, equals: bay_3}
 *     - {state: rooms.*.light_on, equals: false}      # '*' = every value: all must pass
 *     - {state: robots.r1.battery, gt: 50}
 *     - {answer_number_state: robots.r1.battery, tol: 2}
 *     - any: [{answer_contains: bay_3}, {answer_matches: "bay.?3"}]
 * </pre>
 *
 * Comparisons: {@code equals}, {@code in}, {@code gt}, {@code ge}, {@code lt}, {@code le},
 * {@code approx} with {@code tol}, {@code exists}, {@code contains}, {@code length}. Answer conditions:
 * {@code answer_contains} (case-insensitive), {@code answer_matches} (regex), {@code answer_number} with
 * {@code tol} (some number in the answer is within tol), {@code answer_contains_state} (the answer names
 * the state value), {@code answer_number_state} with {@code tol}. Combinators: {@code all}, {@code any},
 * {@code not}.
 */
public final class SuccessCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private final JsonNode spec;

    /** The outcome of a check: whether it passed and, when not, which conditions failed and why. */
    public record Result(boolean passed, List<String> failures) {}

    SuccessCheck(JsonNode spec) {
        this.spec = spec;
    }

    /** Validates the structure; returns a problem description or null. */
    static String problem(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            return "a check must be a mapping such as {state: PATH, equals: VALUE} or {all: [...]}";
        }
        if (node.has("all") || node.has("any")) {
            JsonNode list = node.has("all") ? node.get("all") : node.get("any");
            if (!list.isArray() || list.isEmpty()) {
                return "all/any must hold a non-empty list of checks";
            }
            for (JsonNode child : list) {
                String p = problem(child);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (node.has("not")) {
            return problem(node.get("not"));
        }
        if (node.has("state")) {
            for (String op : List.of("equals", "in", "gt", "ge", "lt", "le", "approx", "exists", "contains", "length")) {
                if (node.has(op)) {
                    return null;
                }
            }
            return "a state check needs one of equals, in, gt, ge, lt, le, approx, exists, contains, length";
        }
        for (String op : List.of("answer_contains", "answer_matches", "answer_number", "answer_contains_state", "answer_number_state")) {
            if (node.has(op)) {
                return null;
            }
        }
        return "unknown check " + node + "; use state, answer_contains, answer_matches, answer_number, all, any or not";
    }

    public Result evaluate(Map<String, Object> state, String answer) {
        List<String> failures = new ArrayList<>();
        boolean passed = eval(spec, state, answer == null ? "" : answer, failures);
        return new Result(passed, passed ? List.of() : failures);
    }

    private boolean eval(JsonNode node, Map<String, Object> state, String answer, List<String> failures) {
        if (node.has("all")) {
            boolean ok = true;
            for (JsonNode child : node.get("all")) {
                ok &= eval(child, state, answer, failures);
            }
            return ok;
        }
        if (node.has("any")) {
            List<String> inner = new ArrayList<>();
            for (JsonNode child : node.get("any")) {
                if (eval(child, state, answer, inner)) {
                    return true;
                }
            }
            failures.add("none of: " + String.join(" | ", inner));
            return false;
        }
        if (node.has("not")) {
            boolean inner = eval(node.get("not"), state, answer, new ArrayList<>());
            if (inner) {
                failures.add("expected not: " + node.get("not"));
            }
            return !inner;
        }
        if (node.has("state")) {
            String path = node.get("state").asText();
            List<Object> values = resolve(state, path);
            if (values.isEmpty() && !(node.has("exists") && !node.get("exists").asBoolean())) {
                failures.add(path + " is not in the state");
                return false;
            }
            for (Object v : values) {
                String why = compare(node, v);
                if (why != null) {
                    failures.add(path + " = " + show(v) + ": " + why);
                    return false;
                }
            }
            return true;
        }
        String lower = answer.toLowerCase(Locale.ROOT);
        if (node.has("answer_contains")) {
            String want = node.get("answer_contains").asText();
            if (!lower.contains(want.toLowerCase(Locale.ROOT))) {
                failures.add("the answer does not mention '" + want + "'");
                return false;
            }
            return true;
        }
        if (node.has("answer_matches")) {
            String regex = node.get("answer_matches").asText();
            if (!Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(answer).find()) {
                failures.add("the answer does not match /" + regex + "/");
                return false;
            }
            return true;
        }
        if (node.has("answer_contains_state")) {
            String path = node.get("answer_contains_state").asText();
            List<Object> values = resolve(state, path);
            for (Object v : values) {
                if (!lower.contains(String.valueOf(v).toLowerCase(Locale.ROOT))) {
                    failures.add("the answer does not name " + path + " = " + show(v));
                    return false;
                }
            }
            return !values.isEmpty() || fail(failures, path + " is not in the state");
        }
        double tol = node.path("tol").asDouble(1e-6);
        double want;
        String what;
        if (node.has("answer_number")) {
            want = node.get("answer_number").asDouble();
            what = String.valueOf(want);
        } else {
            String path = node.get("answer_number_state").asText();
            List<Object> values = resolve(state, path);
            if (values.isEmpty() || !(values.getFirst() instanceof Number n)) {
                return fail(failures, path + " is not a number in the state");
            }
            want = n.doubleValue();
            what = path + " = " + show(values.getFirst());
        }
        Matcher m = NUMBER.matcher(answer);
        while (m.find()) {
            if (Math.abs(Double.parseDouble(m.group()) - want) <= tol) {
                return true;
            }
        }
        return fail(failures, "the answer has no number within " + tol + " of " + what);
    }

    private static boolean fail(List<String> failures, String why) {
        failures.add(why);
        return false;
    }

    private static String compare(JsonNode node, Object v) {
        if (node.has("exists")) {
            boolean want = node.get("exists").asBoolean();
            return (v != null) == want ? null : want ? "expected a value" : "expected none";
        }
        if (node.has("equals")) {
            Object want = JSON.convertValue(node.get("equals"), Object.class);
            return same(want, v) ? null : "expected " + show(want);
        }
        if (node.has("in")) {
            for (JsonNode option : node.get("in")) {
                if (same(JSON.convertValue(option, Object.class), v)) {
                    return null;
                }
            }
            return "expected one of " + node.get("in");
        }
        if (node.has("contains")) {
            Object want = JSON.convertValue(node.get("contains"), Object.class);
            if (v instanceof List<?> list) {
                return list.stream().anyMatch(e -> same(want, e)) ? null : "expected the list to contain " + show(want);
            }
            return String.valueOf(v).contains(String.valueOf(want)) ? null : "expected it to contain " + show(want);
        }
        if (node.has("length")) {
            int size = v instanceof List<?> l ? l.size() : v instanceof Map<?, ?> m ? m.size() : -1;
            return size == node.get("length").asInt() ? null : "expected length " + node.get("length").asInt();
        }
        if (!(v instanceof Number n)) {
            return "expected a number";
        }
        double x = n.doubleValue();
        if (node.has("approx")) {
            double want = node.get("approx").asDouble();
            double tol = node.path("tol").asDouble(1e-6);
            return Math.abs(x - want) <= tol ? null : "expected " + want + " ± " + tol;
        }
        if (node.has("gt") && !(x > node.get("gt").asDouble())) {
            return "expected > " + node.get("gt").asDouble();
        }
        if (node.has("ge") && !(x >= node.get("ge").asDouble())) {
            return "expected >= " + node.get("ge").asDouble();
        }
        if (node.has("lt") && !(x < node.get("lt").asDouble())) {
            return "expected < " + node.get("lt").asDouble();
        }
        if (node.has("le") && !(x <= node.get("le").asDouble())) {
            return "expected <= " + node.get("le").asDouble();
        }
        return null;
    }

    private static boolean same(Object want, Object got) {
        if (want instanceof Number a && got instanceof Number b) {
            return Math.abs(a.doubleValue() - b.doubleValue()) < 1e-9;
        }
        if (want instanceof List<?> a && got instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(want, got);
    }

    /** Values at a dotted path; {@code *} stands for every value of a map or list at that level. */
    @SuppressWarnings("unchecked")
    static List<Object> resolve(Object root, String path) {
        List<Object> current = new ArrayList<>();
        current.add(root);
        for (String part : path.split("\\.")) {
            List<Object> next = new ArrayList<>();
            for (Object node : current) {
                if (part.equals("*")) {
                    if (node instanceof Map<?, ?> m) {
                        next.addAll(m.values());
                    } else if (node instanceof List<?> l) {
                        next.addAll(l);
                    }
                } else if (node instanceof Map<?, ?> m && m.containsKey(part)) {
                    next.add(((Map<String, Object>) m).get(part));
                } else if (node instanceof List<?> l && part.matches("\\d+") && Integer.parseInt(part) < l.size()) {
                    next.add(l.get(Integer.parseInt(part)));
                }
            }
            current = next;
        }
        return current;
    }

    private static String show(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (Exception e) {
            return String.valueOf(v);
        }
    }

    @Override
    public String toString() {
        return spec.toString();
    }

}
