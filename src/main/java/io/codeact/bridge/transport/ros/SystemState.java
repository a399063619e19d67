package io.codeact.bridge.transport.ros;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the master knows of the graph ({@code getSystemState}): for each topic its publishing and subscribing
 * nodes, for each service the node that provides it. Maps are sorted by name; lists are node names.
 */
public record SystemState(Map<String, List<String>> publishers, Map<String, List<String>> subscribers,
        Map<String, List<String>> services) {

    public SystemState {
        publishers = Map.copyOf(publishers);
        subscribers = Map.copyOf(subscribers);
        services = Map.copyOf(services);
    }

    /** Every topic with a publisher or a subscriber, sorted. */
    public SortedSet<String> topics() {
        SortedSet<String> all = new TreeSet<>(publishers.keySet());
        all.addAll(subscribers.keySet());
        return all;
    }

    /** Every node named anywhere, sorted. */
    public SortedSet<String> nodes() {
        SortedSet<String> all = new TreeSet<>();
        publishers.values().forEach(all::addAll);
        subscribers.values().forEach(all::addAll);
        services.values().forEach(all::addAll);
        return all;
    }
}
