package io.codeact.bridge.transport.ros.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What one node offers and wants: its publications, subscriptions and services by global name. The slave API
 * ({@link SlaveApi}) answers other nodes and the master from it, and the TCPROS server routes incoming
 * connections through {@link #route}. Thread-safe.
 */
public final class LocalGraph {
    private final String callerId;
    private final String masterUri;
    private final ConcurrentMap<String, Publication> publications = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, TopicSubscription> subscriptions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ServiceProvider> services = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Object> paramUpdates = (key, value) -> { };
    private volatile Consumer<String> shutdownRequests = reason -> { };

    public LocalGraph(String callerId, String masterUri) {
        this.callerId = callerId;
        this.masterUri = masterUri;
    }

    public String callerId() {
        return callerId;
    }

    public String masterUri() {
        return masterUri;
    }

    public ConcurrentMap<String, Publication> publications() {
        return publications;
    }

    public ConcurrentMap<String, TopicSubscription> subscriptions() {
        return subscriptions;
    }

    public ConcurrentMap<String, ServiceProvider> services() {
        return services;
    }

    /** Where {@code paramUpdate} calls from the master go: (global key, new value; an empty map when deleted). */
    public void onParamUpdate(BiConsumer<String, Object> listener) {
        this.paramUpdates = listener;
    }

    /** What to do when the master (or anyone) calls {@code shutdown}: gets the reason. */
    public void onShutdownRequest(Consumer<String> listener) {
        this.shutdownRequests = listener;
    }

    void paramUpdate(String key, Object value) {
        paramUpdates.accept(key, value);
    }

    void shutdownRequested(String reason) {
        shutdownRequests.accept(reason);
    }

    /** The route for an incoming TCPROS connection's header, or null if we offer nothing it names. */
    public TcprosRoute route(Map<String, String> header) {
        if (header.containsKey("topic")) {
            Publication p = publications.get(header.get("topic"));
            return p == null ? null : p::accept;
        }
        if (header.containsKey("service")) {
            ServiceProvider s = services.get(header.get("service"));
            return s == null ? null : s::accept;
        }
        return null;
    }

    /** [[topic, type]...] of our publications. */
    List<List<Object>> publicationTypes() {
        List<List<Object>> out = new ArrayList<>();
        publications.values().forEach(p -> out.add(List.of(p.topic(), p.type().name())));
        return out;
    }

    /** [[topic, type]...] of our subscriptions; "*" while an "any" subscription has not learned its type. */
    List<List<Object>> subscriptionTypes() {
        List<List<Object>> out = new ArrayList<>();
        subscriptions.values().forEach(s -> out.add(List.of(s.topic(), s.type() == null ? "*" : s.type().name())));
        return out;
    }
}
