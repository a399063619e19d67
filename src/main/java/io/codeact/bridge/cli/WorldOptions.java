package io.codeact.bridge.cli;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.safety.StopLatch;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.tools.ros.RosWorldSession;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --world NAME --seed N [--binding sim|mqtt|ros] [--broker URL] [--master URL]}: the world whose
 * robot APIs the session exposes (run, exec, chat), behind the safety layer.
 */
final class WorldOptions {
    @Option(names = "--world", paramLabel = "NAME", description = "a simulated world to act in: warehouse, tabletop, smart_home, toolbox")
    String world;

    @Option(names = "--seed", defaultValue = "7", description = "the world's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    BindingOptions binding;

    /**
     * The simulated world (in-process or over MQTT) behind the safety layer set up by {@code safety}; null
     * without --world or with --binding ros (except in a dry run, which always runs on the simulator).
     *
     * @throws IllegalArgumentException for an unknown world or options that do not fit together
     */
    SimWorldSession create(SafetyOptions safety, String unattended) {
        if (binding.problem() == null && binding.kind().equals("ha")) {
            if (world != null) {
                throw new IllegalArgumentException("--binding ha takes its APIs from Home Assistant discovery; leave --world out");
            }
            if (safety.dryRun) {
                throw new IllegalArgumentException("--dry-run runs on a simulator's APIs; discovered devices have none, so it "
                        + "cannot be used with --binding ha");
            }
            return null;
        }
        if (world == null) {
            String problem = binding.problem();
            if (problem == null && !binding.kind().equals("sim")) {
                problem = "--binding " + binding.kind() + " needs --world";
            }
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return null;
        }
        return binding.open(world, seed, Map.of(), null, safety.settings(world, unattended, StopLatch.process()));
    }

    /**
     * With --binding ros: the robot's APIs over ROS behind the safety layer (the caller closes it); else
     * null. A dry run never connects: it runs on the in-process simulator ({@link #create}).
     */
    RosWorldSession connectRos(SafetyOptions safety, String unattended) {
        String problem = binding.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!binding.kind().equals("ros") || safety.dryRun) {
            return null;
        }
        if (world == null) {
            throw new IllegalArgumentException("--binding ros needs --world NAME: which robot-tools declarations to bind");
        }
        return RosWorldSession.connect(world, binding.master, Home.root().resolve("robot-tools"),
                safety.settings(world, unattended, StopLatch.process()));
    }

    /**
     * With --binding ha: the devices announced by Home Assistant discovery behind the safety layer (settings of
     * {@code safety/homeassistant.yaml} when it exists); else null. The caller closes it.
     */
    io.codeact.bridge.bind.mqtt.DiscoverySession connectHa(SafetyOptions safety, String unattended) {
        if (binding.problem() != null || !binding.kind().equals("ha")) {
            return null;
        }
        return binding.connectHa(safety.settings("homeassistant", unattended, StopLatch.process()));
    }

    /** Exposes the world's APIs, documents them in the prompt and records the world in the episode. */
    static void bind(SimWorldSession sim, Session session, AgentConfig c) {
        if (sim != null) {
            sim.bindTo(session, c);
        }
    }
}
