package io.codeact.bridge.tools;

import io.codeact.bridge.sandbox.RobotException;
import java.util.Map;

/**
 * Carries out a checked tool call: the simulator in-process, a transport, or a safety layer in front of
 * either. Arguments are already checked against the declaration. Throw
 * {@link io.codeact.bridge.sandbox.RobotException} for errors the code action may catch.
 */
@FunctionalInterface
public interface ToolInvoker {
    Object invoke(ToolDeclaration tool, Map<String, Object> args);

    /**
     * Told when a call was refused by the declaration's own checks before reaching {@link #invoke} (a
     * value out of the declared range, a wrong type), so a safety layer can record and count it.
     */
    default void refused(ToolDeclaration tool, Map<String, Object> args, RobotException reason) {}
}
