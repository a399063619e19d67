package io.codeact.bridge.tools;

/**
 * A tool declaration is invalid. The message names the file and line, the tool and the field, what is
 * wrong and what to write instead, e.g. {@code robot-tools/warehouse.yaml:14: tool base.drive, field
 * params[0].range: min 2.0 is above max 1.0}.
 */
public final class DeclarationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeclarationException(String message) {
        super(message);
    }

    public DeclarationException(String message, Throwable cause) {
        super(message, cause);
    }
}
