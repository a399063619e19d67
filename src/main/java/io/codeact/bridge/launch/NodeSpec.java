package io.codeact.bridge.launch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One node of a {@link LaunchPlan}, validated: its unique name, type, parameters, the nodes it starts
 * after, restart policy, whether the launch ends with it, its environment (the launch's {@code env}
 * blocks and its own, over the launcher's environment), how long it may take to become healthy and
 * where it was written ({@code file:line}).
 */
public record NodeSpec(String name, NodeType type, NodeParams params, List<String> after, RestartPolicy restart,
        boolean required, Map<String, String> env, Duration readyTimeout, String where) {}
