package io.codeact.bridge.launch;

import java.util.concurrent.CompletableFuture;

/**
 * A started node, as the {@link Launcher} supervises it. Implementations are thread-safe: the launcher
 * polls {@link #healthy()} from its own thread and may call {@link #stop()} from a shutdown hook.
 */
public interface RunningNode {
    /** Whether the node does its job now: a broker accepts connections, a master answers, a process is up. */
    boolean healthy();

    /** Completes once when the node has ended, however it ended (also after {@link #stop()}). */
    CompletableFuture<NodeExit> exit();

    /** Stops the node and waits (boundedly) until it has; idempotent. Must not throw. */
    void stop();

    /** What a user needs to know once it runs, e.g. {@code mqtt://127.0.0.1:1883}; empty for nothing. */
    default String describe() {
        return "";
    }
}
