package io.codeact.bridge.tools;

import java.util.Map;

/**
 * Carries out a checked tool call: the simulator in-process, a transport, or a safety layer in front of
 * either. Arguments are already checked against the declaration. Throw
 * {@link io.codeact.bridge.sandbox.RobotException} for errors the code action may catch.
 */
@FunctionalInterface
public interface ToolInvoker {
    Object invoke(ToolDeclaration tool, Map<String, Object> args);
}
