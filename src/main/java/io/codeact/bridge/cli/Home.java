package io.codeact.bridge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the checkout lives ({@code -Dcodeact.home}, set by bin/codeact), for robot-tools/ and friends. */
final class Home {
    private Home() {}

    static Path root() {
        return Path.of(System.getProperty("codeact.home", ".")).toAbsolutePath().normalize();
    }

    /**
     * The sandbox engine a one-shot command runs its session in: the given action timeout, no warm
     * pool (the one session is built at once), and the helper modules.
     */
    static io.codeact.bridge.sandbox.SandboxEngine oneShotSandbox(java.time.Duration actionTimeout) {
        return io.codeact.bridge.sandbox.SandboxEngine.create(c -> {
            c.actionTimeout = actionTimeout;
            c.warmSessions = 0;
            c.helperPaths.addAll(helperPaths());
        });
    }

    /** robot-tools/python when it exists: helper modules code actions may import. */
    static List<Path> helperPaths() {
        Path helpers = root().resolve("robot-tools/python");
        return Files.isDirectory(helpers) ? List.of(helpers) : List.of();
    }
}
