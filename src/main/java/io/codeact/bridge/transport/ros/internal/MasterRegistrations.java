package io.codeact.bridge.transport.ros.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who publishes, subscribes and serves what, as the master records it: per name, the registered nodes and
 * their XML-RPC URIs; the node table (caller id → URI); topic types. Not thread-safe: the master serialises
 * access.
 */
final class MasterRegistrations {
    /** topic → (caller id → node URI), in registration order. */
    final Map<String, Map<String, String>> publishers = new TreeMap<>();
    final Map<String, Map<String, String>> subscribers = new TreeMap<>();
    /** service → (caller id → [node URI, rosrpc URI]). */
    final Map<String, Map<String, String[]>> services = new TreeMap<>();
    /** param key → (caller id → node URI). */
    final Map<String, Map<String, String>> paramSubscribers = new TreeMap<>();
    final Map<String, String> topicTypes = new TreeMap<>();
    final Map<String, String> nodes = new TreeMap<>();

    /**
     * Records that {@code callerId} is at {@code api}. If it was known at another URI, that earlier node is
     * dropped with all its registrations (a restarted node, or two nodes with one name), and its old URI
     * and the topics it published are returned so the master can tell it to shut down and tell subscribers.
     */
    Replaced node(String callerId, String api) {
        String old = nodes.put(callerId, api);
        if (old == null || old.equals(api)) {
            return null;
        }
        List<String> publishedTopics = new ArrayList<>();
        publishers.forEach((topic, nodesOf) -> {
            if (nodesOf.containsKey(callerId)) {
                publishedTopics.add(topic);
            }
        });
        removeAll(publishers, callerId);
        removeAll(subscribers, callerId);
        services.values().forEach(m -> m.remove(callerId));
        services.values().removeIf(Map::isEmpty);
        removeAll(paramSubscribers, callerId);
        return new Replaced(old, publishedTopics);
    }

    record Replaced(String oldApi, List<String> publishedTopics) {
    }

    private static void removeAll(Map<String, Map<String, String>> table, String callerId) {
        table.values().forEach(m -> m.remove(callerId));
        table.values().removeIf(Map::isEmpty);
    }

    static void add(Map<String, Map<String, String>> table, String name, String callerId, String api) {
        table.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(callerId, api);
    }

    /** Removes a registration if it is {@code callerId}'s at {@code api}; returns 1 if it was, else 0. */
    static int remove(Map<String, Map<String, String>> table, String name, String callerId, String api) {
        Map<String, String> m = table.get(name);
        if (m == null || !api.equals(m.get(callerId))) {
            return 0;
        }
        m.remove(callerId);
        if (m.isEmpty()) {
            table.remove(name);
        }
        return 1;
    }

    /** Forgets nodes with nothing registered any more, and types of topics nobody uses. */
    void tidy(String callerId) {
        boolean used = publishers.values().stream().anyMatch(m -> m.containsKey(callerId))
                || subscribers.values().stream().anyMatch(m -> m.containsKey(callerId))
                || services.values().stream().anyMatch(m -> m.containsKey(callerId))
                || paramSubscribers.values().stream().anyMatch(m -> m.containsKey(callerId));
        if (!used) {
            nodes.remove(callerId);
        }
        topicTypes.keySet().removeIf(t -> !publishers.containsKey(t) && !subscribers.containsKey(t));
    }

    List<String> uris(Map<String, Map<String, String>> table, String name) {
        Map<String, String> m = table.get(name);
        return m == null ? List.of() : List.copyOf(m.values());
    }

    /** [[name, [caller ids]]...] */
    static List<Object> state(Map<String, ? extends Map<String, ?>> table) {
        List<Object> out = new ArrayList<>();
        table.forEach((name, m) -> out.add(List.of(name, List.copyOf(m.keySet()))));
        return out;
    }
}
