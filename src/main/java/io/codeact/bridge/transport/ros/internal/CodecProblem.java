package io.codeact.bridge.transport.ros.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A value that does not fit its field, or bytes that do not fit their type, found deep inside a codec.
 *
 * <p>Codecs do not track where they are while all is well (that would cost on every field). Instead each
 * level that catches this on its way out adds its field name or index, so the top level can say
 * {@code twist.linear.x: expected float64, got String "fast"}. The public API turns it into
 * {@link io.codeact.bridge.transport.ros.MessageValueException} or
 * {@link io.codeact.bridge.transport.ros.MalformedMessageException}.
 */
public final class CodecProblem extends RuntimeException {
    private final Deque<String> path = new ArrayDeque<>();

    CodecProblem(String problem) {
        // No stack trace: the public exception wrapping this one has it, and a peer sending garbage stays cheap.
        super(problem, null, false, false);
    }

    /** Adds the enclosing field name to the front of the path. */
    CodecProblem inField(String field) {
        path.addFirst(field);
        return this;
    }

    /** Adds the enclosing array index to the front of the path. */
    CodecProblem atIndex(int index) {
        path.addFirst("[" + index + "]");
        return this;
    }

    /** The problem without the path, e.g. {@code expected float64, got String "fast"}. */
    public String problem() {
        return getMessage();
    }

    /** The field path, e.g. {@code poses[2].position.x}; empty for the message itself. */
    public String path() {
        StringBuilder out = new StringBuilder();
        for (String segment : path) {
            if (!out.isEmpty() && !segment.startsWith("[")) {
                out.append('.');
            }
            out.append(segment);
        }
        return out.toString();
    }

    static CodecProblem expected(String rosType, Object got) {
        return new CodecProblem("expected " + rosType + ", got " + describe(got));
    }

    static CodecProblem outOfRange(String rosType, Object got, String range) {
        return new CodecProblem(got + " is out of range for " + rosType + ", which holds " + range);
    }

    static CodecProblem wrongLength(String rosType, int fixedLength, int got) {
        return new CodecProblem("expected " + fixedLength + " elements for " + rosType + ", got " + got);
    }

    /** {@code String "fast"}, {@code Integer 3}, {@code null}: what a person needs to spot the mistake. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text;
        if (value instanceof CharSequence s) {
            text = "\"" + s + "\"";
        } else if (value instanceof byte[] bytes) {
            text = "of length " + bytes.length;
        } else if (value.getClass().isArray()) {
            text = "of length " + java.lang.reflect.Array.getLength(value);
        } else {
            text = String.valueOf(value);
        }
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return value.getClass().getSimpleName() + " " + text;
    }
}
