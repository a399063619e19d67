package io.codeact.bridge.sim.internal;

import io.codeact.bridge.sim.ScenarioException;

/** Range checks for scenario builders; errors name the world, the YAML field and the unit. */
public final class ScenarioChecks {
    private ScenarioChecks() {}

    public static double within(String world, String field, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new ScenarioException(world, field, "must be within " + Fields.text(min) + ".." + Fields.text(max)
                    + (unit.isEmpty() ? "" : " " + unit) + ", got " + Fields.text(value));
        }
        return value;
    }

    public static double positive(String world, String field, double value, String unit) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ScenarioException(world, field, "must be > 0" + (unit.isEmpty() ? "" : " " + unit) + ", got " + Fields.text(value));
        }
        return value;
    }

    public static double nonNegative(String world, String field, double value, String unit) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ScenarioException(world, field, "must be ≥ 0" + (unit.isEmpty() ? "" : " " + unit) + ", got " + Fields.text(value));
        }
        return value;
    }
}
