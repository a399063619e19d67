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

    @Option(names = "--binding", paramLabel = "KIND", defaultValue = "sim",
            description = "how the world's APIs reach it: sim (in-process, default) or ros (a robot or `codeact sim --ros` on a ROS master)")
    String binding;

    @Option(names = "--master", paramLabel = "URL", description = "with --binding ros: the ROS master (default $ROS_MASTER_URI)")
    String master;

    /** The in-process world, or null without --world or with another binding. @throws IllegalArgumentException for an unknown world */
    SimWorldSession create() {
        checkBinding();
        return world == null || !binding.equals("sim") ? null
                : SimWorldSession.create(world, seed, Map.of(), Home.root().resolve("robot-tools"));
    }

    /**
     * With --binding ros: the robot's APIs over ROS behind the safety layer (the caller closes it); else
     * null. A dry run never connects: it runs on the in-process simulator ({@link #create(SafetyOptions, String)}).
     */
    io.codeact.bridge.tools.ros.RosWorldSession connectRos(SafetyOptions safety, String unattended) {
        checkBinding();
        if (!binding.equals("ros") || safety.dryRun) {
            return null;
        }
        if (world == null) {
            throw new IllegalArgumentException("--binding ros needs --world NAME: which robot-tools declarations to bind");
        }
        return io.codeact.bridge.tools.ros.RosWorldSession.connect(world, master, Home.root().resolve("robot-tools"),
                safety.settings(world, unattended, io.codeact.bridge.safety.StopLatch.process()));
    }

    private void checkBinding() {
        if (!binding.equals("sim") && !binding.equals("ros")) {
            throw new IllegalArgumentException("unknown --binding '" + binding + "'; use sim or ros");
        }
    }

    /**
     * The in-process world behind the safety layer set up by {@code safety}; null without --world or with
     * another binding, except in a dry run, which always runs on the simulator.
     */
    SimWorldSession create(SafetyOptions safety, String unattended) {
        checkBinding();
        if (world == null || !binding.equals("sim") && !safety.dryRun) {
            return null;
        }
        return SimWorldSession.create(world, seed, Map.of(), Home.root().resolve("robot-tools"),
                safety.settings(world, unattended, io.codeact.bridge.safety.StopLatch.process()));
    }

    /** Exposes the world's APIs, documents them in the prompt and records the world in the episode. */
    static void bind(SimWorldSession sim, Session session, AgentConfig c) {
        if (sim != null) {
            sim.bindTo(session, c);
        }
    }
}
