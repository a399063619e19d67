package io.codeact.bridge.sim.internal;

import io.codeact.bridge.sim.ScenarioException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario map (parsed YAML) read field by field, with errors that name the world and the field path
 * as written in YAML ({@code robots[1].battery}), and that reject unknown field names (typos).
 */
public final class ScenarioMap {
    private final String world;
    private final String path;
    private final Map<String, ?> values;

    private ScenarioMap(String world, String path, Map<String, ?> values) {
        this.world = world;
        this.path = path;
        this.values = values == null ? Map.of() : values;
    }

    public static ScenarioMap root(String world, Map<String, ?> values) {
        return new ScenarioMap(world, "", values);
    }

    /** The world name, for error messages. */
    public String world() {
        return world;
    }

    /** The path of a field of this map, e.g. {@code robots[0].x}. */
    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Rejects fields other than {@code known}. */
    public ScenarioMap allow(String... known) {
        Set<String> allowed = new LinkedHashSet<>(List.of(known));
        for (Object key : values.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new ScenarioException(world, field(String.valueOf(key)),
                        "is not a known field; known fields here: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public double number(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && !(v instanceof Boolean) && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw error(key, "must be a number, got " + shown(v));
    }

    public double number(String key) {
        if (!has(key)) {
            throw error(key, "is required");
        }
        return number(key, 0);
    }

    public long integer(String key, long fallback) {
        double d = number(key, fallback);
        if (d != Math.rint(d)) {
            throw error(key, "must be a whole number, got " + d);
        }
        return (long) d;
    }

    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw error(key, "must be true or false, got " + shown(v));
    }

    public String text(String key, String fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        throw error(key, "must be a non-empty string, got " + shown(v));
    }

    public String text(String key) {
        if (!has(key)) {
            throw error(key, "is required");
        }
        return text(key, null);
    }

    /** A nested map, empty when absent. */
    @SuppressWarnings("unchecked")
    public ScenarioMap map(String key) {
        Object v = values.get(key);
        if (v == null) {
            return new ScenarioMap(world, field(key), Map.of());
        }
        if (v instanceof Map<?, ?> m) {
            return new ScenarioMap(world, field(key), (Map<String, ?>) m);
        }
        throw error(key, "must be a map of fields, got " + shown(v));
    }

    /** A list of maps, empty when absent. */
    @SuppressWarnings("unchecked")
    public List<ScenarioMap> list(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> items)) {
            throw error(key, "must be a list, got " + shown(v));
        }
        List<ScenarioMap> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = field(key) + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> m)) {
                throw new ScenarioException(world, itemPath, "must be a map of fields, got " + shown(items.get(i)));
            }
            out.add(new ScenarioMap(world, itemPath, (Map<String, ?>) m));
        }
        return out;
    }

    /** A list of strings, {@code fallback} when absent. */
    public List<String> texts(String key, List<String> fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof List<?> items && items.stream().allMatch(i -> i instanceof String)) {
            return items.stream().map(String.class::cast).toList();
        }
        throw error(key, "must be a list of strings, got " + shown(v));
    }

    /** A point {@code [x, y]} (or {@code [x, y, z]} when {@code dims} is 3). */
    public double[] point(String key, int dims) {
        Object v = values.get(key);
        if (v == null) {
            throw error(key, "is required");
        }
        return toPoint(field(key), v, dims);
    }

    /** A list of points, e.g. a polygon {@code [[0, 0], [1, 0], [1, 1]]}. */
    public List<double[]> points(String key) {
        Object v = values.get(key);
        if (!(v instanceof List<?> items)) {
            throw error(key, v == null ? "is required" : "must be a list of [x, y] points, got " + shown(v));
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(toPoint(field(key) + "[" + i + "]", items.get(i), 2));
        }
        return out;
    }

    /** An error about one field of this map. */
    public ScenarioException error(String key, String message) {
        return new ScenarioException(world, field(key), message);
    }

    private double[] toPoint(String where, Object v, int dims) {
        if (v instanceof List<?> xs && xs.size() == dims && xs.stream().allMatch(x -> x instanceof Number)) {
            double[] p = new double[dims];
            for (int i = 0; i < dims; i++) {
                p[i] = ((Number) xs.get(i)).doubleValue();
            }
            return p;
        }
        String shape = dims == 4 ? "[x_min, y_min, x_max, y_max]" : dims == 3 ? "a point [x, y, z]" : "a point [x, y]";
        throw new ScenarioException(world, where, "must be " + shape + " in metres, got " + shown(v));
    }

    private static String shown(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
