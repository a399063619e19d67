package io.codeact.bridge.cli;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.bind.mqtt.MqttRobotSession;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.safety.RobotSession;
import io.codeact.bridge.safety.StopLatch;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.tools.ros.RosWorldSession;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --world NAME --seed N [--binding sim|mqtt|ros] [--broker URL] [--device NAME] [--master URL]}: the world
 * whose robot APIs the session exposes (run, exec, chat), behind the safety layer: a simulator in this process
 * ({@link #create}) or a robot outside it ({@link #connectRemote}).
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
     * without --world, with --binding ros and with --binding mqtt --device (except in a dry run, which always
     * runs on the simulator).
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
     * With --binding ros, or --binding mqtt --device NAME: the robot's APIs over ROS or MQTT behind the safety
     * layer (the caller closes it); else null. A dry run never connects: it runs on the in-process simulator
     * ({@link #create}).
     *
     * @throws IllegalArgumentException for options that do not fit together or a world without declarations
     * @throws RuntimeException from the transport when the master or broker cannot be reached
     */
    RobotSession connectRemote(SafetyOptions safety, String unattended) {
        String problem = binding.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!binding.remote() || safety.dryRun) {
            return null;
        }
        String kind = binding.kind();
        if (world == null) {
            throw new IllegalArgumentException("--binding " + kind + (kind.equals("mqtt") ? " --device" : "")
                    + " needs --world NAME: which robot-tools declarations to bind");
        }
        Path tools = Home.root().resolve("robot-tools");
        SafetySettings settings = safety.settings(world, unattended, StopLatch.process());
        if (kind.equals("ros")) {
            return RosWorldSession.connect(world, binding.master, tools, settings);
        }
        return MqttRobotSession.connect(world, tools, o -> o.brokerUrl(binding.broker).device(binding.device), settings);
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
