package io.codeact.bridge.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded, validated launch file: its args as resolved (declared defaults and {@code name:=value}
 * overrides), and its nodes, those of included files too, in start order (every node after the nodes
 * it names in {@code after}, otherwise in the order written). Immutable.
 */
public record LaunchPlan(Path file, Map<String, String> args, List<NodeSpec> nodes, Path home) {
    /** Where a node was declared, for {@link NodeType#validate} to resolve relative paths and find the checkout. */
    public record Source(Path file, Path home) {
        /** The launch file's folder. */
        public Path dir() {
            Path parent = file.toAbsolutePath().getParent();
            return parent == null ? Path.of("").toAbsolutePath() : parent;
        }
    }

    public NodeSpec node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }
}
