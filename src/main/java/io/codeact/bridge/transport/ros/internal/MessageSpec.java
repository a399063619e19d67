package io.codeact.bridge.transport.ros.internal;

import java.util.List;

/**
 * One parsed message definition, before its field types are looked up: what a {@code .msg} file (or one half
 * of a {@code .srv} file) says, with the line of every declaration so later errors can point at it.
 *
 * @param name      the full type name, {@code package/Type}
 * @param constants the constants in declaration order
 * @param fields    the fields in declaration order, types already resolved to full names
 * @param text      the definition text exactly as given (comments kept): it goes into {@code message_definition}
 * @param source    where the text came from, for error messages (a file path, or a label)
 */
public record MessageSpec(String name, List<ConstantSpec> constants, List<FieldSpec> fields, String text, String source) {
    public MessageSpec {
        constants = List.copyOf(constants);
        fields = List.copyOf(fields);
    }

    /** The package part of the name: {@code geometry_msgs} for {@code geometry_msgs/Twist}. */
    public String packageName() {
        return name.substring(0, name.indexOf('/'));
    }

    /** {@code source:line}, the form every definition error starts with. */
    public String at(int line) {
        return source + ":" + line;
    }
}
