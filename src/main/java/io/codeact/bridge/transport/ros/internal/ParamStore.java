package io.codeact.bridge.transport.ros.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master's parameter tree: global names map to XML-RPC values, and a namespace is a map of its children
 * (getting {@code /robot} returns {@code {max_speed=0.5, name=r1}}; setting a map replaces the whole namespace).
 * Not thread-safe: the master serialises access.
 */
final class ParamStore {
    private final Map<String, Object> root = new LinkedHashMap<>();

    /** Sets a value; a map replaces the namespace; missing namespaces on the way are created. */
    void set(String key, Object value) {
        if (key.equals("/")) {
            if (!(value instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("the root namespace / can only be set to a dictionary");
            }
            root.clear();
            root.putAll(copy(m));
            return;
        }
        List<String> parts = parts(key);
        Map<String, Object> ns = root;
        for (String part : parts.subList(0, parts.size() - 1)) {
            Object child = ns.get(part);
            if (!(child instanceof Map<?, ?>)) {
                child = new LinkedHashMap<String, Object>();
                ns.put(part, child);
            }
            ns = cast(child);
        }
        ns.put(parts.get(parts.size() - 1), value instanceof Map<?, ?> m ? copy(m) : value);
    }

    /** The value or namespace (as a copy) at {@code key}, or null if it is not set. */
    Object get(String key) {
        Object node = root;
        for (String part : parts(key)) {
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return null;
            }
            node = m.get(part);
        }
        return node instanceof Map<?, ?> m ? copy(m) : node;
    }

    boolean has(String key) {
        return get(key) != null;
    }

    /** Removes {@code key}; false if it was not set. */
    boolean delete(String key) {
        if (key.equals("/")) {
            root.clear();
            return true;
        }
        List<String> parts = parts(key);
        Object node = root;
        for (String part : parts.subList(0, parts.size() - 1)) {
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return false;
            }
            node = m.get(part);
        }
        if (!(node instanceof Map<?, ?> m)) {
            return false;
        }
        Map<String, Object> ns = cast(m);
        return ns.remove(parts.get(parts.size() - 1)) != null;
    }

    /** Every parameter's global name (leaves only), in insertion order. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        names("", root, out);
        return out;
    }

    private static void names(String prefix, Map<?, ?> ns, List<String> out) {
        for (Map.Entry<?, ?> e : ns.entrySet()) {
            String name = prefix + "/" + e.getKey();
            if (e.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
                names(name, child, out);
            } else if (!(e.getValue() instanceof Map<?, ?>)) {
                out.add(name);
            }
        }
    }

    /**
     * Searches for {@code key} from namespace {@code ns} upwards, as rosmaster does: the first namespace whose
     * child has the key's first part wins. Returns the global name, or null.
     */
    String search(String ns, String key) {
        if (key.startsWith("/")) {
            return has(key) ? GraphNames.canonical(key) : null;
        }
        List<String> keyParts = parts("/" + key);
        String first = keyParts.get(0);
        List<String> nsParts = parts(ns);
        for (int keep = nsParts.size(); keep >= 0; keep--) {
            String prefix = nsParts.subList(0, keep).isEmpty() ? "" : "/" + String.join("/", nsParts.subList(0, keep));
            if (has(prefix + "/" + first)) {
                return GraphNames.canonical(prefix + "/" + key);
            }
        }
        return null;
    }

    private static List<String> parts(String key) {
        List<String> parts = new ArrayList<>();
        for (String p : key.split("/")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map<?, ?> child ? copy(child) : v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object m) {
        return (Map<String, Object>) m;
    }
}
