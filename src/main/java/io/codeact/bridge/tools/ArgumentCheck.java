package io.codeact.bridge.tools;

import io.codeact.bridge.sandbox.RobotException;
import java.util.List;
import java.util.Map;

/**
 * Checks call arguments against their declarations: the type, the declared range (rejected as a
 * {@code SafetyViolation}, or clamped where the declaration says {@code clamp: true}) and the choices.
 */
final class ArgumentCheck {
    private ArgumentCheck() {}

    /** What is wrong with {@code value} for {@code spec}, or null when it fits. */
    static String problem(ParamSpec spec, Object value) {
        if (value == null) {
            return "it must not be None";
        }
        switch (spec.type()) {
            case "float" -> {
                if (!(value instanceof Number) ) {
                    return "it must be a number, got " + shown(value);
                }
                return range(spec, ((Number) value).doubleValue());
            }
            case "int" -> {
                if (!(value instanceof Long || value instanceof Integer)) {
                    return "it must be an integer, got " + shown(value);
                }
                return range(spec, ((Number) value).doubleValue());
            }
            case "bool" -> {
                return value instanceof Boolean ? null : "it must be True or False, got " + shown(value);
            }
            case "str" -> {
                if (!(value instanceof String s)) {
                    return "it must be a string, got " + shown(value);
                }
                return spec.choices().isEmpty() || spec.choices().contains(s) ? null
                        : "it must be one of " + String.join(", ", spec.choices()) + ", got '" + s + "'";
            }
            case "list" -> {
                return value instanceof List ? null : "it must be a list, got " + shown(value);
            }
            default -> {
                return value instanceof Map ? null : "it must be a dict, got " + shown(value);
            }
        }
    }

    private static String range(ParamSpec spec, double v) {
        if (Double.isNaN(v)) {
            return "it must be a number, got nan";
        }
        if (spec.min() != null && v < spec.min() || spec.max() != null && v > spec.max()) {
            return "it must be within " + spec.describe();
        }
        return null;
    }

    /**
     * The value to pass on: checked, converted to the declared numeric type, clamped if so declared.
     *
     * @throws RobotException TypeError/ValueError for wrong types or choices, SafetyViolation for ranges
     */
    static Object apply(ToolDeclaration tool, ParamSpec spec, Object value) {
        String where = tool.qualifiedName() + "(): argument '" + spec.name() + "'";
        if (value == null && spec.hasDefault() && spec.defaultValue() == null) {
            return null;
        }
        String problem = problem(spec, value);
        if (problem == null) {
            return spec.type().equals("float") ? (Object) ((Number) value).doubleValue() : value;
        }
        if ((spec.type().equals("float") || spec.type().equals("int")) && value instanceof Number n
                && !Double.isNaN(n.doubleValue())) {
            double v = n.doubleValue();
            boolean low = spec.min() != null && v < spec.min();
            double limit = low ? spec.min() : spec.max();
            if (spec.clamp()) {
                return spec.type().equals("int") ? (Object) (long) limit : (Object) limit;
            }
            String unit = spec.unit() == null ? "" : " " + spec.unit();
            throw RobotException.safetyViolation(tool.id() + "." + spec.name() + (low ? ".min" : ".max"), v, limit,
                    where + " is " + plain(v) + unit + ", " + (low ? "below the minimum " : "above the maximum ")
                            + plain(limit) + unit + " (declared at " + tool.source() + ")");
        }
        if (spec.type().equals("str") && value instanceof String) {
            throw RobotException.badValue(where + ": " + problem);
        }
        throw RobotException.badType(where + ": " + problem);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String shown(Object v) {
        String type = v instanceof String ? "str" : v instanceof Boolean ? "bool" : v instanceof List ? "list"
                : v instanceof Map ? "dict" : v instanceof Double ? "float" : v instanceof Long ? "int" : v.getClass().getSimpleName();
        return type + " " + (v instanceof String s ? "'" + s + "'" : String.valueOf(v));
    }
}
