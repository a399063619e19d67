package io.codeact.bridge.transport.mqtt;

/** The JSON type a declared telemetry field must have. */
public enum FieldType {
    NUMBER("a number"),
    INTEGER("an integer"),
    STRING("a string"),
    BOOLEAN("a boolean"),
    OBJECT("an object"),
    LIST("a list");

    private final String article;

    FieldType(String article) {
        this.article = article;
    }

    /** Whether a decoded JSON value (Jackson's default mapping) is of this type; null never is. */
    public boolean accepts(Object value) {
        return switch (this) {
            case NUMBER -> value instanceof Number;
            case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
            case STRING -> value instanceof String;
            case BOOLEAN -> value instanceof Boolean;
            case OBJECT -> value instanceof java.util.Map<?, ?>;
            case LIST -> value instanceof java.util.List<?>;
        };
    }

    /** "a number", for messages. */
    public String describe() {
        return article;
    }

    /** How a value looks in a message: {@code the string "fast"}, {@code null}. */
    static String describeValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return (value instanceof Boolean ? "the boolean " : "the number ") + value;
        }
        return value instanceof java.util.Map<?, ?> ? "an object" : value instanceof java.util.List<?> ? "a list" : value.getClass().getSimpleName();
    }
}
