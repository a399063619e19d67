package io.codeact.bridge.launch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node types a launch file may name. {@link #standard()} has the built-in ones; a new type is one
 * class and one {@code .register(new FooNodeType())} line there. Types that are announced but not built
 * yet are {@link #pending}: a launch file naming one gets a clear "not available yet" error (and
 * {@link LaunchException#pendingTypes()} says which), not "unknown type".
 * Not thread-safe while being filled; read-only afterwards.
 */
public final class NodeTypes {
    private final Map<String, NodeType> types = new LinkedHashMap<>();
    private final Map<String, String> pending = new LinkedHashMap<>();

    /** The built-in node types. */
    public static NodeTypes standard() {
        return new NodeTypes()
                .register(new MqttBrokerNodeType())
                .register(new RosMasterNodeType())
                .register(new AgentNodeType())
                .register(new ProcessNodeType())
                .register(new SimNodeType())
                .register(new ControllerNodeType());
    }

    /** Adds a type (replacing one of the same name, and ending its pending status). */
    public NodeTypes register(NodeType type) {
        types.put(type.name(), type);
        pending.remove(type.name());
        return this;
    }

    /** Announces a type that is not built yet, with a reason shown to users who name it. */
    public NodeTypes pending(String name, String reason) {
        if (!types.containsKey(name)) {
            pending.put(name, reason);
        }
        return this;
    }

    public Optional<NodeType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The registered types, in registration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(types.keySet());
    }

    /** Announced, not yet registered types and why, in announcement order. */
    public Map<String, String> pendingTypes() {
        return Collections.unmodifiableMap(pending);
    }
}
