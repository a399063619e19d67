package io.codeact.bridge.tools;

import java.util.List;

/**
 * One declared parameter.
 *
 * @param name a Python identifier
 * @param type {@code float}, {@code int}, {@code bool}, {@code str}, {@code list} or {@code dict}
 * @param unit SI unit for the docs ({@code m/s}, {@code rad}, {@code °C}), or null
 * @param min lower bound for numbers, or null
 * @param max upper bound for numbers, or null
 * @param choices the allowed values for strings, or empty
 * @param hasDefault whether it may be omitted
 * @param defaultValue the default when {@code hasDefault}
 * @param clamp clamp out-of-range numbers to the range instead of rejecting the call
 * @param doc one line for people and the model
 */
public record ParamSpec(String name, String type, String unit, Double min, Double max, List<String> choices,
        boolean hasDefault, Object defaultValue, boolean clamp, String doc) {

    public ParamSpec {
        choices = List.copyOf(choices);
    }

    /** The doc line with unit, range and choices, as the prompt and {@code help()} show it. */
    public String describe() {
        StringBuilder d = new StringBuilder(type);
        if (unit != null) {
            d.append(", ").append(unit);
        }
        if (min != null || max != null) {
            d.append(", ").append(min == null ? "-inf" : num(min)).append("..").append(max == null ? "inf" : num(max));
            if (clamp) {
                d.append(" (clamped)");
            }
        }
        if (!choices.isEmpty()) {
            d.append(", one of ").append(String.join(" | ", choices));
        }
        return doc == null || doc.isBlank() ? d.toString() : doc.strip() + " (" + d + ")";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
