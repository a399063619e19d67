package io.codeact.bridge.sandbox;

import java.time.Duration;

/**
 * One sandbox engine for all sandbox tests in a test JVM: GraalPy's engine start costs seconds, and
 * sharing it is also what production does. Tests open their own sessions.
 */
final class SharedEngine {
    private static SandboxEngine engine;

    private SharedEngine() {}

    static synchronized SandboxEngine get() {
        if (engine == null) {
            engine = SandboxEngine.create(c -> {
                c.actionTimeout = Duration.ofSeconds(20);
                c.warmSessions = 1;
            });
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }
}
