package io.codeact.bridge.cli;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --world NAME --seed N}: a simulated world whose robot APIs the session exposes (run, chat). */
final class WorldOptions {
    @Option(names = "--world", paramLabel = "NAME", description = "a simulated world to act in: warehouse, tabletop, smart_home")
    String world;

    @Option(names = "--seed", defaultValue = "7", description = "the world's seed (default ${DEFAULT-VALUE})")
    long seed;

    /** The world, or null without --world. @throws IllegalArgumentException for an unknown world */
    SimWorldSession create() {
        return world == null ? null : SimWorldSession.create(world, seed, Map.of(), Home.root().resolve("robot-tools"));
    }

    /** The world behind the safety layer set up by {@code safety}, or null without --world. */
    SimWorldSession create(SafetyOptions safety, String unattended) {
        return world == null ? null : SimWorldSession.create(world, seed, Map.of(), Home.root().resolve("robot-tools"),
                safety.settings(world, unattended, io.codeact.bridge.safety.StopLatch.process()));
    }

    /** Exposes the world's APIs, documents them in the prompt and records the world in the episode. */
    static void bind(SimWorldSession sim, Session session, AgentConfig c) {
        if (sim != null) {
            sim.bindTo(session, c);
        }
    }
}
