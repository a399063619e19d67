package io.codeact.bridge.sim;

import java.util.Map;

/**
 * Shortcut to the standard {@link WorldRegistry}: {@code Worlds.create("warehouse", 7, Map.of())}.
 */
public final class Worlds {
    private static final WorldRegistry STANDARD = WorldRegistry.standard();

    private Worlds() {}

    /**
     * Creates a built-in world ({@code warehouse}, {@code tabletop}, {@code smart_home}).
     *
     * @throws IllegalArgumentException for an unknown world name
     * @throws ScenarioException for an invalid scenario value, naming the field
     */
    public static World create(String name, long seed, Map<String, ?> scenario) {
        return STANDARD.create(name, seed, scenario);
    }
}
