package io.codeact.bridge.cli;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --world NAME --seed N [--binding inprocess|mqtt] [--broker URL]}: a simulated world whose robot APIs the session exposes (run, chat). */
final class WorldOptions {
    @Option(names = "--world", paramLabel = "NAME", description = "a simulated world to act in: warehouse, tabletop, smart_home")
    String world;

    @Option(names = "--seed", defaultValue = "7", description = "the world's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    BindingOptions binding;

    /** The world, or null without --world. @throws IllegalArgumentException for an unknown world */
    SimWorldSession create() {
        if (world == null) {
            String problem = binding.problem();
            if (problem == null && binding.binding != BindingOptions.Binding.inprocess) {
                problem = "--binding " + binding.binding + " needs --world";
            }
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return null;
        }
        return binding.open(world, seed, Map.of(), null);
    }

    /** Exposes the world's APIs, documents them in the prompt and records the world in the episode. */
    static void bind(SimWorldSession sim, Session session, AgentConfig c) {
        if (sim != null) {
            sim.bindTo(session, c);
        }
    }
}
