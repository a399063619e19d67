package io.codeact.bridge.sandbox;

/**
 * The Java side of a Python function exposed with {@link PyApi}. Called on the session's action thread
 * with the arguments already bound by name (defaults filled in by Python).
 *
 * <p>Return {@code null}, a boolean, number or string, or a JSON-serialisable value (maps, lists,
 * records), which Python receives as a real {@code dict}/{@code list}. Throw {@link RobotException} for
 * errors the code action should be able to catch. Blocking calls must honour thread interruption so
 * that an action's timeout can stop them.
 */
@FunctionalInterface
public interface HostFunction {
    Object call(Arguments args);
}
