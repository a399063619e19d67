package io.codeact.bridge.sim;

import java.util.Map;

/**
 * Makes a world from a seed and a scenario map (the {@code scenario:} part of a task file, already
 * parsed from YAML). Registered under a name in a {@link WorldRegistry}.
 */
@FunctionalInterface
public interface WorldFactory {
    /**
     * @throws ScenarioException if a scenario value is invalid, naming the field
     */
    World create(long seed, Map<String, ?> scenario);
}
