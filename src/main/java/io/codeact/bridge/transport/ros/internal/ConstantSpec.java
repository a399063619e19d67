package io.codeact.bridge.transport.ros.internal;

/**
 * One constant declaration, {@code type NAME=value}. Constants are part of the MD5 text but never serialised.
 *
 * @param name      the constant name
 * @param type      a primitive type name as written ({@code byte} and {@code char} included)
 * @param value     the value as the Java type a field of that type deserialises to
 * @param valueText the value as written, stripped: it goes into the MD5 text verbatim
 * @param line      the 1-based line of the declaration in its source
 */
public record ConstantSpec(String name, String type, Object value, String valueText, int line) {
}
