package io.codeact.bridge.launch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A node's parameters after substitution and conversion to their declared kinds: {@code String},
 * {@code Long}, {@code Double}, {@code Boolean}, {@code List<String>}, {@code Map<String, String>}. Defaults
 * of parameters that were not written are filled in. Each value knows where it was written, so a
 * {@link NodeType} can report a problem at its file:line with {@link #problem}. Immutable after loading.
 */
public final class NodeParams {
    private final String node;
    private final String where;
    private final Map<String, Object> values;
    private final Map<String, String> places;
    private final Consumer<String> problems;

    NodeParams(String node, String where, Map<String, Object> values, Map<String, String> places, Consumer<String> problems) {
        this.node = node;
        this.where = where;
        this.values = values;
        this.places = places;
        this.problems = problems;
    }

    /** The node's name. */
    public String node() {
        return node;
    }

    /** {@code file:line} of the node's entry. */
    public String where() {
        return where;
    }

    /** {@code file:line} where a parameter was written, or the node's place for a default. */
    public String where(String param) {
        return places.getOrDefault(param, where);
    }

    /** Whether the parameter has a value (given or by default). */
    public boolean has(String param) {
        return values.get(param) != null;
    }

    /** Whether the parameter was written in the launch file (not a default). */
    public boolean given(String param) {
        return places.containsKey(param);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public String string(String param) {
        Object v = values.get(param);
        return v == null ? null : v.toString();
    }

    public Long integer(String param) {
        return (Long) values.get(param);
    }

    public Double number(String param) {
        return (Double) values.get(param);
    }

    public boolean bool(String param) {
        return Boolean.TRUE.equals(values.get(param));
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String param) {
        Object v = values.get(param);
        return v == null ? List.of() : (List<String>) v;
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> map(String param) {
        Object v = values.get(param);
        return v == null ? Map.of() : (Map<String, String>) v;
    }

    /** The raw value of an {@link NodeParam.Kind#ANY} parameter: String, Number, Boolean, List or Map. */
    public Object value(String param) {
        return values.get(param);
    }

    /**
     * Reports a problem with a parameter, at the line where it was written: during
     * {@link NodeType#validate} it joins the file's other problems; afterwards it is ignored.
     */
    public void problem(String param, String message) {
        problems.accept(where(param) + ": node " + node + ", param " + param + ": " + message);
    }

    /** Reports a problem with the node as a whole (e.g. two parameters that exclude each other). */
    public void problem(String message) {
        problems.accept(where + ": node " + node + ": " + message);
    }

    @Override
    public String toString() {
        return node + values;
    }
}
