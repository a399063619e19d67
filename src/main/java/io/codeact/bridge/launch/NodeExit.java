package io.codeact.bridge.launch;

import java.nio.file.Path;

/**
 * How a node ended: whether it succeeded (exit code 0, an episode solved, a server stopped on request),
 * a short description for messages ({@code exit code 3}, {@code solved after 3 turns}) and, for the
 * agent, the episode log (else null).
 */
public record NodeExit(boolean success, String detail, Path log) {
    public static NodeExit succeeded(String detail) {
        return new NodeExit(true, detail, null);
    }

    public static NodeExit failed(String detail) {
        return new NodeExit(false, detail, null);
    }
}
