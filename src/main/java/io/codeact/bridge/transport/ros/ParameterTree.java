package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.RosReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The ROS parameter server, as one node sees it ({@link RosNode#params()}): names are resolved against the
 * node ({@code ~gain} is private to it). Values are what XML-RPC carries: Integer, Double, String, Boolean,
 * byte[], List, and Map for a namespace (a dictionary of parameters).
 *
 * <p>Every method is one blocking call to the master and throws {@link MasterException} if it cannot be
 * reached. Thread-safe.
 * <pre>{@code
 * node.params().set("/robot/max_speed", 0.5);
 * double max = (Double) node.params().get("/robot/max_speed").orElse(1.0);
 * }</pre>
 */
public final class ParameterTree {
    private final MasterClient master;
    private final UnaryOperator<String> resolver;
    private final String callerApi;
    private final Map<String, List<ParameterListener>> listeners = new ConcurrentHashMap<>();

    ParameterTree(MasterClient master, UnaryOperator<String> resolver, String callerApi) {
        this.master = master;
        this.resolver = resolver;
        this.callerApi = callerApi;
    }

    private String key(String name) {
        return resolver.apply(name);
    }

    /** The value of {@code name}, or empty if it is not set. */
    public Optional<Object> get(String name) {
        RosReply reply = master.reply("getParam", key(name));
        return reply.ok() ? Optional.ofNullable(reply.value()) : Optional.empty();
    }

    /** Sets {@code name}; a Map sets a whole namespace (replacing what was there). */
    public void set(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("parameter " + name + " cannot be set to null; delete it instead");
        }
        master.invoke("setParam", key(name), value);
    }

    /** Deletes {@code name}; false if it was not set. */
    public boolean delete(String name) {
        return master.reply("deleteParam", key(name)).ok();
    }

    /** Whether {@code name} is set. */
    public boolean has(String name) {
        return Boolean.TRUE.equals(master.invoke("hasParam", key(name)));
    }

    /**
     * Searches for {@code name} from this node's namespace upwards (as rospy's {@code search_param}), returning
     * the global name of the closest one set, or empty.
     */
    public Optional<String> search(String name) {
        RosReply reply = master.reply("searchParam", name);
        return reply.ok() && reply.value() instanceof String found && !found.isEmpty() ? Optional.of(found) : Optional.empty();
    }

    /** Every parameter name, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>(MasterClient.strings(master.invoke("getParamNames")));
        names.sort(null);
        return names;
    }

    /**
     * Subscribes to changes of {@code name} (and everything below it); returns its current value (empty if unset).
     * Changes arrive at {@code listener} until {@link #unsubscribe}.
     */
    public Optional<Object> subscribe(String name, ParameterListener listener) {
        String key = key(name);
        listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
        Object value = master.invoke("subscribeParam", callerApi, key);
        return value instanceof Map<?, ?> m && m.isEmpty() ? Optional.empty() : Optional.ofNullable(value);
    }

    /** Stops delivering changes of {@code name} to {@code listener}. */
    public void unsubscribe(String name, ParameterListener listener) {
        String key = key(name);
        List<ParameterListener> list = listeners.get(key);
        if (list != null && list.remove(listener) && list.isEmpty()) {
            listeners.remove(key);
            master.invoke("unsubscribeParam", callerApi, key);
        }
    }

    /** From the slave API's paramUpdate: tell the listeners of the key and of every namespace above it. */
    void updated(String key, Object value) {
        listeners.forEach((subscribed, list) -> {
            if (key.equals(subscribed) || key.startsWith(subscribed.endsWith("/") ? subscribed : subscribed + "/")) {
                list.forEach(l -> l.onUpdate(key, value));
            }
        });
    }

    void close() {
        for (String key : listeners.keySet()) {
            try {
                master.reply("unsubscribeParam", callerApi, key);
            } catch (MasterException e) {
                // the master is gone; nothing to unsubscribe from
            }
        }
        listeners.clear();
    }
}
