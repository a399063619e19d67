package io.codeact.bridge.sim.internal;

import io.codeact.bridge.sim.SimCommandException;
import java.util.Map;

/**
 * The arguments of one command, read with typed getters whose errors name the API, the argument, the
 * allowed range with its unit and the value received. {@code null} counts as "not given".
 */
public final class CommandArgs {
    private final String api;
    private final Map<String, ?> values;

    public CommandArgs(String api, Map<String, ?> values) {
        this.api = api;
        this.values = values;
    }

    public String api() {
        return api;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** A required number. */
    public double number(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw bad("missing argument '" + name + "'");
        }
        return toNumber(name, v);
    }

    /** An optional number, {@code fallback} when not given. */
    public double number(String name, double fallback) {
        return has(name) ? number(name) : fallback;
    }

    /** A required number within {@code min..max}. */
    public double number(String name, double min, double max, String unit) {
        return within(name, number(name), min, max, unit);
    }

    /** An optional number within {@code min..max}, {@code fallback} when not given (not range-checked). */
    public double number(String name, double fallback, double min, double max, String unit) {
        return has(name) ? within(name, number(name), min, max, unit) : fallback;
    }

    public boolean bool(String name) {
        Object v = values.get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw bad(v == null ? "missing argument '" + name + "'" : "argument '" + name + "' must be True or False, got " + shown(v));
    }

    public boolean bool(String name, boolean fallback) {
        return has(name) ? bool(name) : fallback;
    }

    public String text(String name) {
        Object v = values.get(name);
        if (v instanceof String s) {
            return s;
        }
        throw bad(v == null ? "missing argument '" + name + "'" : "argument '" + name + "' must be a string, got " + shown(v));
    }

    /** An optional string, {@code fallback} (may be {@code null}) when not given. */
    public String text(String name, String fallback) {
        return has(name) ? text(name) : fallback;
    }

    /** A bad-argument error for this API. */
    public SimCommandException bad(String message) {
        return SimCommandException.badArgument(api, message);
    }

    /** A not-possible-now error for this API. */
    public SimCommandException impossible(String message) {
        return SimCommandException.notPossible(api, message);
    }

    private double within(String name, double value, double min, double max, String unit) {
        if (value < min || value > max) {
            String u = unit.isEmpty() ? "" : " " + unit;
            throw bad(name + " must be within " + Fields.text(min) + ".." + Fields.text(max) + u + ", got " + Fields.text(value));
        }
        return value;
    }

    private double toNumber(String name, Object v) {
        if (v instanceof Number n && !(v instanceof Boolean)) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw bad("argument '" + name + "' must be a finite number, got " + d);
            }
            return d;
        }
        throw bad("argument '" + name + "' must be a number, got " + shown(v));
    }

    private static String shown(Object v) {
        return v instanceof String s ? "'" + s + "'" : v.getClass().getSimpleName() + " " + v;
    }
}
