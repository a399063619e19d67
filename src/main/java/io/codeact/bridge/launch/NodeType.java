package io.codeact.bridge.launch;

import java.util.List;

/**
 * A kind of node a launch file can start ({@code mqtt_broker}, {@code roscore}, {@code agent},
 * {@code process}, …). Adding one is this class plus one line in {@link NodeTypes#standard()}.
 *
 * <p>At load time the loader checks the written parameters against {@link #params()} (unknown names,
 * missing required ones, kinds) and then calls {@link #validate}, so {@code codeact launch --check} finds
 * every mistake without starting anything. {@link #start} is called by the launcher on its own thread.
 *
 * <pre>{@code
 * final class EchoNodeType implements NodeType {
 *     public String name() { return "echo"; }
 *     public String doc() { return "prints its text"; }
 *     public List<NodeParam> params() { return List.of(NodeParam.required("text", NodeParam.Kind.STRING, "what to print")); }
 *     public RunningNode start(NodeParams p, NodeContext c) { ... }
 * }
 * }</pre>
 */
public interface NodeType {
    /** The name written in {@code type:}. */
    String name();

    /** One line: what the node is. */
    String doc();

    /** Every parameter the node accepts; any other name is an error at load time. */
    List<NodeParam> params();

    /**
     * Checks what the kinds cannot (choices, ranges, files that must exist, parameters that exclude each
     * other), reporting each problem with {@link NodeParams#problem}. Must not start anything.
     */
    default void validate(NodeParams params, LaunchPlan.Source source) {}

    /**
     * Starts the node and returns at once or when it is up (a broker that listens); the launcher then
     * waits for {@link RunningNode#healthy()}.
     *
     * @throws Exception when it cannot start; the launcher reports the message and applies the restart policy
     */
    RunningNode start(NodeParams params, NodeContext context) throws Exception;
}
