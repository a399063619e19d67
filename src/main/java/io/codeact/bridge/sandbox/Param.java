package io.codeact.bridge.sandbox;

/**
 * One parameter of an exposed Python function.
 *
 * @param name a Python identifier
 * @param hasDefault whether the parameter may be omitted
 * @param defaultValue the default (null, boolean, number, string or a list of those) when {@code hasDefault}
 * @param doc one line for the docstring, including the unit where there is one
 */
public record Param(String name, boolean hasDefault, Object defaultValue, String doc) {
    public static Param required(String name, String doc) {
        return new Param(name, false, null, doc);
    }

    public static Param optional(String name, Object defaultValue, String doc) {
        return new Param(name, true, defaultValue, doc);
    }
}
