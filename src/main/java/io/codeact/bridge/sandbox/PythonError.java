package io.codeact.bridge.sandbox;

/**
 * A Python exception as the model sees it: the exception type name (e.g. {@code ZeroDivisionError},
 * {@code SafetyViolation}), its message, and a CPython-style traceback whose file names and line
 * numbers refer to the model's own actions ({@code <action 3>}), never to the bridge's code.
 */
public record PythonError(String type, String message, String traceback) {
    /** {@code Type: message}, the last line of a traceback. */
    public String summary() {
        return message == null || message.isEmpty() ? type : type + ": " + message;
    }
}
