package io.codeact.bridge.launch;

import io.codeact.bridge.sim.World;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the nodes of one launch tell each other, by node name: the URL of each {@code mqtt_broker}, the URI of
 * each {@code roscore}, and the simulated world of each {@code sim} node. Nodes of one launch run in one JVM, so
 * an {@code agent} bound to a {@code sim} node's device over MQTT can still read that node's world for its live
 * map, plot and observations ({@code sim_node}), and nodes that name no broker or master use the launch's own.
 * A node's entries go when it stops. Thread-safe.
 */
public final class LaunchDirectory {
    private final Map<String, String> brokers = new LinkedHashMap<>();
    private final Map<String, String> masters = new LinkedHashMap<>();
    private final Map<String, World> worlds = new LinkedHashMap<>();

    public synchronized void putBroker(String node, String url) {
        brokers.put(node, url);
    }

    public synchronized void putMaster(String node, String uri) {
        masters.put(node, uri);
    }

    public synchronized void putWorld(String node, World world) {
        worlds.put(node, world);
    }

    /** The first running broker node's URL, if the launch has one. */
    public synchronized Optional<String> broker() {
        return brokers.values().stream().findFirst();
    }

    /** The first running ROS master node's URI, if the launch has one. */
    public synchronized Optional<String> master() {
        return masters.values().stream().findFirst();
    }

    /** The world of the running sim node {@code node}. */
    public synchronized Optional<World> world(String node) {
        return Optional.ofNullable(worlds.get(node));
    }

    /** Forgets what {@code node} published (it stopped). */
    public synchronized void remove(String node) {
        brokers.remove(node);
        masters.remove(node);
        worlds.remove(node);
    }
}
