package io.codeact.bridge.sim;

/**
 * A scenario description (builder or YAML/map form) that cannot make a world. The message names the
 * world, the field path as written in YAML ({@code robots[0].max_speed}), the bad value and what is
 * allowed, e.g. {@code warehouse scenario: robots[0].battery must be within 0..100 %, got 140.0}.
 * Thrown when the world is created, never later.
 */
public final class ScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public ScenarioException(String world, String field, String message) {
        super(world + " scenario: " + (field.isEmpty() ? "" : field + " ") + message);
        this.field = field;
    }

    /** The path of the bad field, e.g. {@code robots[0].max_speed}; empty for the scenario as a whole. */
    public String field() {
        return field;
    }
}
