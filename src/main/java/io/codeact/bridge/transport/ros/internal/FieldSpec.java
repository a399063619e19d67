package io.codeact.bridge.transport.ros.internal;

/**
 * One field declaration, {@code type name}, with its type resolved the way genmsg resolves it:
 * builtins stay as written ({@code byte}, {@code char} included), {@code Header} becomes
 * {@code std_msgs/Header}, and a bare message name gets the declaring package.
 *
 * @param name        the field name
 * @param type        the resolved type with any array suffix, e.g. {@code float64[36]}, {@code geometry_msgs/Point[]}
 * @param elementType the type without the array suffix
 * @param builtin     the builtin element type, or {@code null} when the element is a message
 * @param array       whether the field is an array
 * @param fixedLength N for {@code T[N]}, -1 otherwise
 * @param line        the 1-based line of the declaration in its source
 */
public record FieldSpec(String name, String type, String elementType, Primitive builtin, boolean array, int fixedLength,
                        int line) {

    /** Whether the element type is a builtin (then it is written as is in the MD5 text). */
    public boolean isBuiltin() {
        return builtin != null;
    }
}
