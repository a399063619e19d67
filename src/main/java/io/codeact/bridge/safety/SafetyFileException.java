package io.codeact.bridge.safety;

/**
 * A safety file is invalid, or names a tool or parameter the deployment does not have. The message
 * names the file and line, the field, what is wrong and what to write instead. A controller refuses to
 * start on one: a typo must not silently switch a limit off.
 */
public final class SafetyFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SafetyFileException(String message) {
        super(message);
    }

    public SafetyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
