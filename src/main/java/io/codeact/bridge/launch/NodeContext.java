package io.codeact.bridge.launch;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a node gets from the launcher besides its parameters: its name, a way to print a line (prefixed
 * with the node's name by the launcher), its environment overrides, the checkout's home (robot-tools/,
 * simulations/), the launch file's folder, the console that shows agent episodes, and the launch's
 * {@link LaunchDirectory} (brokers, masters and simulated worlds of the other nodes).
 */
public record NodeContext(String node, Consumer<String> print, Map<String, String> env, Path home, Path launchDir,
        AgentConsole console, LaunchDirectory directory) {}
