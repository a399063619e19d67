package io.codeact.bridge.transport.ros.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master API (ROS/Master_API) and parameter server API served by an embedded master: registrations,
 * lookups, {@code getSystemState}, parameters with {@code subscribeParam} updates. Calls to nodes
 * ({@code publisherUpdate}, {@code paramUpdate}, {@code shutdown}) are made in the background, in order per
 * node, so a slow or dead node delays nobody else. Thread-safe: state changes are serialised on one lock.
 */
public final class MasterApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MasterApi.class);
    private static final String CALLER = "/master";

    private final MasterRegistrations reg = new MasterRegistrations();
    private final ParamStore params = new ParamStore();
    private final String uri;
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("master call ", 0).factory());
    private final Map<String, CompletableFuture<Void>> perNode = new ConcurrentHashMap<>();
    private final Runnable shutdown;

    private MasterApi(String uri, Runnable shutdown) {
        this.uri = uri;
        this.shutdown = shutdown;
    }

    /** Registers the master and parameter server methods on {@code server}. */
    public static MasterApi install(XmlRpcServer server, Runnable shutdown) {
        MasterApi api = new MasterApi(server.uri(), shutdown);
        server.method("getUri", args(1, p -> RosReply.success("", api.uri)))
                .method("getPid", args(1, p -> RosReply.success("", (int) ProcessHandle.current().pid())))
                .method("shutdown", args(1, api::shutdown))
                .method("registerPublisher", args(4, api::registerPublisher))
                .method("unregisterPublisher", args(3, api::unregisterPublisher))
                .method("registerSubscriber", args(4, api::registerSubscriber))
                .method("unregisterSubscriber", args(3, api::unregisterSubscriber))
                .method("registerService", args(4, api::registerService))
                .method("unregisterService", args(3, api::unregisterService))
                .method("lookupNode", args(2, api::lookupNode))
                .method("lookupService", args(2, api::lookupService))
                .method("getPublishedTopics", args(2, api::publishedTopics))
                .method("getTopicTypes", args(1, api::topicTypes))
                .method("getSystemState", args(1, api::systemState))
                .method("getParam", args(2, api::getParam))
                .method("setParam", args(3, api::setParam))
                .method("deleteParam", args(2, api::deleteParam))
                .method("hasParam", args(2, api::hasParam))
                .method("searchParam", args(2, api::searchParam))
                .method("getParamNames", args(1, api::paramNames))
                .method("subscribeParam", args(3, api::subscribeParam))
                .method("unsubscribeParam", args(3, api::unsubscribeParam));
        return api;
    }

    private static XmlRpcMethod args(int count, Function<List<Object>, Object> body) {
        return params -> {
            if (params.size() < count) {
                return RosReply.error("expected " + count + " arguments (caller_id first), got " + params.size(), 0);
            }
            try {
                return body.apply(params);
            } catch (ClassCastException | IndexOutOfBoundsException e) {
                return RosReply.error("bad arguments " + params + ": " + e.getMessage(), 0);
            } catch (IllegalArgumentException e) {
                return RosReply.error(e.getMessage(), 0);
            }
        };
    }

    private static String str(List<Object> p, int i) {
        return (String) p.get(i);
    }

    /** Resolves a name sent by {@code caller} in the caller's namespace. */
    private static String resolve(String caller, String name) {
        String node = caller.startsWith("/") ? caller : "/" + caller;
        return GraphNames.resolve(GraphNames.namespaceOf(node), node, name, "graph resource");
    }

    private Object shutdown(List<Object> p) {
        log.info("{} asked the master to shut down: {}", p.get(0), p.size() > 1 ? p.get(1) : "");
        calls.execute(shutdown);
        return RosReply.success("shutdown", 0);
    }

    private Object registerPublisher(List<Object> p) {
        String caller = str(p, 0);
        String topic = resolve(caller, str(p, 1));
        String type = str(p, 2);
        String api = str(p, 3);
        List<String> subscribers;
        List<String> publishers;
        synchronized (this) {
            registerNode(caller, api);
            MasterRegistrations.add(reg.publishers, topic, caller, api);
            if (!"*".equals(type) || !reg.topicTypes.containsKey(topic)) {
                reg.topicTypes.put(topic, type);
            }
            subscribers = reg.uris(reg.subscribers, topic);
            publishers = reg.uris(reg.publishers, topic);
        }
        notifySubscribers(topic, publishers, subscribers);
        return RosReply.success("Registered [" + caller + "] as publisher of [" + topic + "]", subscribers);
    }

    private Object unregisterPublisher(List<Object> p) {
        String caller = str(p, 0);
        String topic = resolve(caller, str(p, 1));
        int removed;
        List<String> subscribers;
        List<String> publishers;
        synchronized (this) {
            removed = MasterRegistrations.remove(reg.publishers, topic, caller, str(p, 2));
            subscribers = reg.uris(reg.subscribers, topic);
            publishers = reg.uris(reg.publishers, topic);
            reg.tidy(caller);
        }
        if (removed == 0) {
            return RosReply.success("[" + caller + "] is not a publisher of [" + topic + "]", 0);
        }
        notifySubscribers(topic, publishers, subscribers);
        return RosReply.success("Unregistered [" + caller + "] as publisher of [" + topic + "]", 1);
    }

    private Object registerSubscriber(List<Object> p) {
        String caller = str(p, 0);
        String topic = resolve(caller, str(p, 1));
        String type = str(p, 2);
        synchronized (this) {
            registerNode(caller, str(p, 3));
            MasterRegistrations.add(reg.subscribers, topic, caller, str(p, 3));
            if (!"*".equals(type) && !reg.topicTypes.containsKey(topic)) {
                reg.topicTypes.put(topic, type);
            }
            return RosReply.success("Subscribed to [" + topic + "]", reg.uris(reg.publishers, topic));
        }
    }

    private Object unregisterSubscriber(List<Object> p) {
        String caller = str(p, 0);
        String topic = resolve(caller, str(p, 1));
        synchronized (this) {
            int removed = MasterRegistrations.remove(reg.subscribers, topic, caller, str(p, 2));
            reg.tidy(caller);
            return RosReply.success(removed == 1 ? "Unsubscribed from [" + topic + "]"
                    : "[" + caller + "] is not a subscriber of [" + topic + "]", removed);
        }
    }

    private Object registerService(List<Object> p) {
        String caller = str(p, 0);
        String service = resolve(caller, str(p, 1));
        synchronized (this) {
            registerNode(caller, str(p, 3));
            reg.services.computeIfAbsent(service, k -> new LinkedHashMap<>()).clear();
            reg.services.get(service).put(caller, new String[] {str(p, 3), str(p, 2)});
        }
        return RosReply.success("Registered [" + caller + "] as provider of [" + service + "]", 1);
    }

    private Object unregisterService(List<Object> p) {
        String caller = str(p, 0);
        String service = resolve(caller, str(p, 1));
        String serviceUri = str(p, 2);
        synchronized (this) {
            Map<String, String[]> providers = reg.services.get(service);
            String[] entry = providers == null ? null : providers.get(caller);
            if (entry == null || !entry[1].equals(serviceUri)) {
                return RosReply.success("[" + caller + "] is not a provider of [" + service + "]", 0);
            }
            providers.remove(caller);
            if (providers.isEmpty()) {
                reg.services.remove(service);
            }
            reg.tidy(caller);
            return RosReply.success("Unregistered [" + caller + "] as provider of [" + service + "]", 1);
        }
    }

    private synchronized Object lookupNode(List<Object> p) {
        String node = resolve(str(p, 0), str(p, 1));
        String api = reg.nodes.get(node);
        return api == null ? RosReply.error("unknown node [" + node + "]", "") : RosReply.success("node api", api);
    }

    private synchronized Object lookupService(List<Object> p) {
        String service = resolve(str(p, 0), str(p, 1));
        Map<String, String[]> providers = reg.services.get(service);
        if (providers == null || providers.isEmpty()) {
            return RosReply.error("no provider for [" + service + "]", "");
        }
        String serviceUri = providers.values().iterator().next()[1];
        return RosReply.success("rosrpc URI: [" + serviceUri + "]", serviceUri);
    }

    private synchronized Object publishedTopics(List<Object> p) {
        String subgraph = str(p, 1);
        String prefix = subgraph.isEmpty() ? "" : resolve(str(p, 0), subgraph);
        String within = prefix.endsWith("/") ? prefix : prefix + "/";
        List<Object> out = new ArrayList<>();
        for (String topic : reg.publishers.keySet()) {
            if (prefix.isEmpty() || topic.equals(prefix) || topic.startsWith(within)) {
                out.add(List.of(topic, reg.topicTypes.getOrDefault(topic, "*")));
            }
        }
        return RosReply.success("current topics", out);
    }

    private synchronized Object topicTypes(List<Object> p) {
        List<Object> out = new ArrayList<>();
        reg.topicTypes.forEach((topic, type) -> out.add(List.of(topic, type)));
        return RosReply.success("current system state", out);
    }

    private synchronized Object systemState(List<Object> p) {
        return RosReply.success("current system state", List.of(MasterRegistrations.state(reg.publishers),
                MasterRegistrations.state(reg.subscribers), MasterRegistrations.state(reg.services)));
    }

    /** Called with the lock held. */
    private void registerNode(String caller, String api) {
        MasterRegistrations.Replaced replaced = reg.node(caller, api);
        if (replaced == null) {
            return;
        }
        log.info("node {} re-registered from {} (was {}); dropping the old one", caller, api, replaced.oldApi());
        callNode(replaced.oldApi(), "shutdown", CALLER, "new node registered with same name");
        for (String topic : replaced.publishedTopics()) {
            notifySubscribers(topic, reg.uris(reg.publishers, topic), reg.uris(reg.subscribers, topic));
        }
    }

    private void notifySubscribers(String topic, List<String> publishers, List<String> subscribers) {
        for (String subscriber : subscribers) {
            callNode(subscriber, "publisherUpdate", CALLER, topic, publishers);
        }
    }

    /** Calls a node in the background, after any earlier call to the same node has finished. */
    private void callNode(String api, String method, Object... args) {
        CompletableFuture<Void> next = perNode.compute(api, (k, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous).thenRunAsync(() -> {
                    try {
                        new XmlRpcClient(api, Duration.ofSeconds(5)).call(method, args);
                    } catch (RuntimeException e) {
                        log.debug("{} to {} failed: {}", method, api, e.getMessage());
                    }
                }, calls));
        next.whenComplete((ignored, error) -> perNode.remove(api, next));
    }

    // ---- parameter server ----

    private synchronized Object getParam(List<Object> p) {
        String key = resolve(str(p, 0), str(p, 1));
        Object value = params.get(key);
        return value == null ? RosReply.error("Parameter [" + key + "] is not set", 0)
                : RosReply.success("Parameter [" + key + "]", value);
    }

    private Object setParam(List<Object> p) {
        String caller = str(p, 0);
        String key = resolve(caller, str(p, 1));
        Object value = p.get(2);
        synchronized (this) {
            params.set(key, value);
            notifyParam(caller, key, value);
        }
        return RosReply.success("parameter " + key + " set", 0);
    }

    private Object deleteParam(List<Object> p) {
        String caller = str(p, 0);
        String key = resolve(caller, str(p, 1));
        synchronized (this) {
            if (!params.delete(key)) {
                return RosReply.error("parameter [" + key + "] is not set", 0);
            }
            notifyParam(caller, key, Map.of());
        }
        return RosReply.success("parameter " + key + " deleted", 0);
    }

    private synchronized Object hasParam(List<Object> p) {
        String key = resolve(str(p, 0), str(p, 1));
        return RosReply.success(key, params.has(key));
    }

    private synchronized Object searchParam(List<Object> p) {
        String caller = str(p, 0);
        String key = str(p, 1);
        if (key.startsWith("~")) {
            return RosReply.error("cannot search for a private name (" + key + "); use getParam", "");
        }
        String found = params.search(caller.startsWith("/") ? caller : "/" + caller, key);
        return found == null ? RosReply.error("Cannot find parameter [" + key + "] in an upwards search", "")
                : RosReply.success("Found [" + found + "]", found);
    }

    /** Sets a parameter as the master itself (such as /run_id), telling subscribers. */
    public synchronized void setParamInternally(String key, Object value) {
        params.set(key, value);
        notifyParam(CALLER, key, value);
    }

    private synchronized Object paramNames(List<Object> p) {
        return RosReply.success("Parameter names", params.names());
    }

    private synchronized Object subscribeParam(List<Object> p) {
        String caller = str(p, 0);
        String api = str(p, 1);
        String key = resolve(caller, str(p, 2));
        registerNode(caller, api);
        MasterRegistrations.add(reg.paramSubscribers, key, caller, api);
        Object value = params.get(key);
        return RosReply.success("Subscribed to parameter [" + key + "]", value == null ? Map.of() : value);
    }

    private synchronized Object unsubscribeParam(List<Object> p) {
        String caller = str(p, 0);
        String key = resolve(caller, str(p, 2));
        int removed = MasterRegistrations.remove(reg.paramSubscribers, key, caller, str(p, 1));
        reg.tidy(caller);
        return RosReply.success("Unsubscribed from parameter [" + key + "]", removed);
    }

    /** Called with the lock held: tells subscribers of {@code key}, of namespaces above it and of keys below it. */
    private void notifyParam(String setter, String key, Object value) {
        String keyNs = key.equals("/") ? "/" : key + "/";
        reg.paramSubscribers.forEach((subscribed, nodes) -> {
            String subNs = subscribed.equals("/") ? "/" : subscribed + "/";
            Object update;
            String updatedKey;
            if (keyNs.startsWith(subNs)) {
                updatedKey = keyNs;
                update = value;
            } else if (subNs.startsWith(keyNs)) {
                updatedKey = subNs;
                Object now = params.get(subscribed);
                update = now == null ? Map.of() : now;
            } else {
                return;
            }
            nodes.forEach((caller, api) -> {
                if (!caller.equals(setter)) {
                    callNode(api, "paramUpdate", CALLER, updatedKey, update);
                }
            });
        });
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
