package io.codeact.bridge.launch;

/**
 * One parameter a {@link NodeType} accepts: its name, kind, whether it must be given, its default
 * (as written in YAML, or null) and a one-line doc for {@code docs/LAUNCH.md} and error messages.
 */
public record NodeParam(String name, Kind kind, boolean required, Object defaultValue, String doc) {
    /** What a value must look like; text from {@code $(arg …)} is converted where it reads as one. */
    public enum Kind {
        STRING("a string"), INT("an integer"), NUMBER("a number"), BOOL("true or false"),
        LIST("a list of strings"), MAP("a mapping of names to strings"), ANY("a value");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    public static NodeParam required(String name, Kind kind, String doc) {
        return new NodeParam(name, kind, true, null, doc);
    }

    public static NodeParam optional(String name, Kind kind, Object defaultValue, String doc) {
        return new NodeParam(name, kind, false, defaultValue, doc);
    }
}
