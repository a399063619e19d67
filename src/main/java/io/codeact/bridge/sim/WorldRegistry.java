package io.codeact.bridge.sim;

import io.codeact.bridge.sim.home.SmartHomeWorld;
import io.codeact.bridge.sim.tabletop.TabletopWorld;
import io.codeact.bridge.sim.warehouse.WarehouseWorld;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * World factories by name. {@link #standard()} knows {@code warehouse}, {@code tabletop},
 * {@code smart_home} and {@code toolbox} (information tools, no robot); {@link #register} adds more. Not thread-safe while registering; creating is.
 *
 * <pre>{@code
 * WorldRegistry registry = WorldRegistry.standard().register("maze", MazeWorld::create);
 * World world = registry.create("maze", 3, Map.of("size", 9));
 * }</pre>
 */
public final class WorldRegistry {
    private final Map<String, WorldFactory> factories = new LinkedHashMap<>();

    /** An empty registry. */
    public WorldRegistry() {}

    /** A registry with the three built-in worlds. */
    public static WorldRegistry standard() {
        return new WorldRegistry()
                .register("warehouse", WarehouseWorld::fromScenario)
                .register("tabletop", TabletopWorld::fromScenario)
                .register("smart_home", SmartHomeWorld::fromScenario)
                .register("toolbox", io.codeact.bridge.sim.toolbox.ToolboxWorld::fromScenario);
    }

    /** Adds or replaces a factory; returns this registry. */
    public WorldRegistry register(String name, WorldFactory factory) {
        factories.put(name, factory);
        return this;
    }

    /** The registered names, in registration order. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(factories.keySet());
    }

    /**
     * Creates a world.
     *
     * @param scenario the scenario map; {@code null} or empty for the world's default scenario
     * @throws IllegalArgumentException if no world has that name (the message lists the known ones)
     * @throws ScenarioException if a scenario value is invalid
     */
    public World create(String name, long seed, Map<String, ?> scenario) {
        WorldFactory factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown world '" + name + "'; known worlds: " + String.join(", ", factories.keySet()));
        }
        return factory.create(seed, scenario == null ? Map.of() : scenario);
    }
}
