package io.codeact.bridge.sim.inprocess;

import io.codeact.bridge.agent.ObservationSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.codeact.bridge.sim.World;

/**
 * Summarises what changed in a world during an action: sim time passed and the scalar state values that
 * differ (poses, battery, collisions, lights, locks...), at most {@link #MAX_CHANGES}, paths and event
 * lists left out. Read from {@link World#state()}, ground truth the robot's own sensors may not show
 * exactly; the summary is for the model's situational awareness, like a person watching the robot.
 */
final class WorldChanges implements ObservationSource {
    static final int MAX_CHANGES = 12;
    /** Bulky or noisy parts of a state that would drown the summary. */
    private static final java.util.Set<String> SKIPPED = java.util.Set.of(
            "path", "events", "history", "workspace", "odom", "linear", "angular", "min_battery", "motion", "target");
    private final World world;

    WorldChanges(World world) {
        this.world = world;
    }

    @Override
    public Object mark() {
        synchronized (world) {
            return flatten(world.state());
        }
    }

    @Override
    public String since(Object mark) {
        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) mark;
        Map<String, Object> after;
        synchronized (world) {
            after = flatten(world.state());
        }
        List<String> changes = new ArrayList<>();
        Object t0 = before.get("t");
        Object t1 = after.get("t");
        int more = 0;
        for (Map.Entry<String, Object> e : after.entrySet()) {
            String key = e.getKey();
            if (key.equals("t") || key.equals("seed") || key.startsWith("map.")) {
                continue;
            }
            Object old = before.get(key);
            if (!Objects.equals(old, e.getValue())) {
                if (changes.size() < MAX_CHANGES) {
                    changes.add(key + " " + show(old) + " -> " + show(e.getValue()));
                } else {
                    more++;
                }
            }
        }
        if (changes.isEmpty() && Objects.equals(t0, t1)) {
            return null;
        }
        StringBuilder s = new StringBuilder("sim time ").append(show(t0)).append(" -> ").append(show(t1)).append(" s");
        if (!changes.isEmpty()) {
            s.append("; ").append(String.join("; ", changes));
        }
        if (more > 0) {
            s.append("; and ").append(more).append(" more");
        }
        return s.toString();
    }

    private static String show(Object v) {
        if (v instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(v);
    }

    static Map<String, Object> flatten(Map<String, Object> state) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", state, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : ((Map<Object, Object>) m).entrySet()) {
                String key = String.valueOf(e.getKey());
                if (SKIPPED.contains(key)) {
                    continue;
                }
                flatten(prefix.isEmpty() ? key : prefix + "." + key, e.getValue(), out);
            }
        } else if (value instanceof List<?>) {
            // lists (scans, polygons, stacks) are too big for a one-line summary
        } else if (value instanceof Long || value instanceof Integer) {
            out.put(prefix, ((Number) value).longValue());
        } else if (value instanceof Number n) {
            out.put(prefix, Math.round(n.doubleValue() * 100) / 100.0);
        } else {
            out.put(prefix, value);
        }
    }
}
