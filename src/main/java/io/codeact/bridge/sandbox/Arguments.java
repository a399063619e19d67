package io.codeact.bridge.sandbox;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one call from Python, by parameter name, already converted to Java values:
 * {@code null}, {@link Boolean}, {@link Long}, {@link Double}, {@link String}, {@link List} and
 * {@link Map}. The typed getters raise a Python {@code TypeError} naming the function and parameter.
 */
public final class Arguments {
    private final String function;
    private final Map<String, Object> values;

    public Arguments(String function, Map<String, Object> values) {
        this.function = function;
        this.values = Collections.unmodifiableMap(values);
    }

    /** The qualified name of the function called, e.g. {@code robot.base.drive}. */
    public String function() {
        return function;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public Object get(String name) {
        return values.get(name);
    }

    public double getDouble(String name) {
        Object v = values.get(name);
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return n.doubleValue();
        }
        throw wrongType(name, "a number", v);
    }

    public long getLong(String name) {
        Object v = values.get(name);
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return d.longValue();
        }
        throw wrongType(name, "an integer", v);
    }

    public boolean getBoolean(String name) {
        if (values.get(name) instanceof Boolean b) {
            return b;
        }
        throw wrongType(name, "True or False", values.get(name));
    }

    public String getString(String name) {
        if (values.get(name) instanceof String s) {
            return s;
        }
        throw wrongType(name, "a string", values.get(name));
    }

    private RobotException wrongType(String name, String expected, Object got) {
        String shown = got == null ? "None" : got instanceof String s ? "'" + s + "'" : String.valueOf(got);
        return RobotException.badType(function + "(): argument '" + name + "' must be " + expected
                + ", got " + PyValues.pythonTypeName(got) + " " + shown);
    }
}
