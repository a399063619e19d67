package io.codeact.bridge.cli;

import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.sim.node.MqttWorldSession;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --binding sim|mqtt|ros|ha [--broker URL] [--device NAME] [--master URL]}: how code actions reach the world.
 * {@code sim} (also {@code inprocess}) calls the simulator in this process; {@code mqtt} runs the world as
 * an MQTT device node in this process (lockstep) and sends every call through a broker, the embedded one
 * unless {@code --broker} names another; {@code mqtt} with {@code --device NAME} starts no simulator and talks
 * to that device (a real robot, or {@code codeact sim} in another process) on {@code --broker}; {@code ros}
 * binds to a robot (or {@code codeact sim --ros}) on a ROS master; {@code ha} binds the devices announced by
 * Home Assistant MQTT discovery on {@code --broker} (default {@code mqtt://localhost:1883}) instead of a
 * world's declarations.
 */
final class BindingOptions {
    @Option(names = "--binding", paramLabel = "KIND", defaultValue = "sim",
            description = "how actions reach the world: sim (in-process, default), mqtt (through a broker and a simulator "
                    + "node), ros (a robot or `codeact sim --ros` on a ROS master) or ha (the devices Home Assistant MQTT "
                    + "discovery announces on --broker; no --world)")
    String binding;

    @Option(names = "--broker", paramLabel = "URL",
            description = "with --binding mqtt: the broker, mqtt://host[:port] (default: an embedded broker in this process); "
                    + "with --binding ha: the broker the devices are on (default mqtt://localhost:1883)")
    String broker;

    @Option(names = "--device", paramLabel = "NAME",
            description = "with --binding mqtt: talk to this device on --broker (a robot, or `codeact sim` in another process) "
                    + "instead of starting a simulator here")
    String device;

    @Option(names = "--master", paramLabel = "URL", description = "with --binding ros: the ROS master (default $ROS_MASTER_URI)")
    String master;

    /** {@code sim}, {@code mqtt}, {@code ros} or {@code ha}. @throws IllegalArgumentException for anything else */
    String kind() {
        String b = binding == null ? "sim" : binding.toLowerCase(Locale.ROOT);
        return switch (b) {
            case "sim", "inprocess" -> "sim";
            case "mqtt", "ros" -> b;
            case "ha", "homeassistant" -> "ha";
            default -> throw new IllegalArgumentException("unknown --binding '" + binding + "'; use sim, mqtt, ros or ha");
        };
    }

    /** Whether the robot is outside this process: {@code --binding ros}, or {@code --binding mqtt --device}. */
    boolean remote() {
        String k = kind();
        return k.equals("ros") || k.equals("mqtt") && device != null;
    }

    /** Null if the options fit together, else what is wrong. */
    String problem() {
        String k;
        try {
            k = kind();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (broker != null && !k.equals("mqtt") && !k.equals("ha")) {
            return "--broker applies to --binding mqtt or ha; add --binding mqtt or leave --broker out";
        }
        if (device != null && !k.equals("mqtt")) {
            return "--device applies to --binding mqtt; add --binding mqtt or leave --device out";
        }
        if (device != null && broker == null) {
            return "--device " + device + " needs --broker URL: the broker the device talks to (e.g. mqtt://localhost:1883)";
        }
        if (device != null && !device.matches("[^/+#\\s]+")) {
            return "--device must be one MQTT topic level (no '/', '+', '#' or spaces), got '" + device + "'";
        }
        if (master != null && !k.equals("ros")) {
            return "--master applies to --binding ros; add --binding ros or leave --master out";
        }
        return null;
    }

    /**
     * Opens a simulated world through the in-process or MQTT binding, behind the safety layer. A dry run
     * always uses the in-process simulator.
     *
     * @param episode a name for the MQTT topic prefix ({@code codeact} when null); episodes sharing a broker need different ones
     * @return the world, or null for {@code --binding ros}, {@code --binding mqtt --device} (see
     *     {@link WorldOptions#connectRemote}) and {@code ha} (see {@link #connectHa})
     * @throws IllegalArgumentException for an unknown world or bad options
     */
    SimWorldSession open(String world, long seed, Map<String, ?> scenario, String episode, SafetySettings safety) {
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Path tools = Home.root().resolve("robot-tools");
        String k = kind();
        if (k.equals("sim") || safety.dryRun()) {
            return SimWorldSession.create(world, seed, scenario, tools, safety);
        }
        if (remote() || k.equals("ha")) {
            return null;
        }
        String prefix = episode == null ? "codeact" : "codeact/" + episode.replaceAll("[^A-Za-z0-9_.-]", "_");
        return MqttWorldSession.create(world, seed, scenario, tools, o -> o.brokerUrl(broker).prefix(prefix).safety(safety));
    }

    /**
     * With {@code --binding ha}: the devices announced on the broker, behind the safety layer (the caller closes
     * it); else null.
     *
     * @throws io.codeact.bridge.transport.TransportException if the broker cannot be reached
     */
    io.codeact.bridge.bind.mqtt.DiscoverySession connectHa(SafetySettings safety) {
        if (!kind().equals("ha")) {
            return null;
        }
        return io.codeact.bridge.bind.mqtt.DiscoverySession.connect(broker != null ? broker : DEFAULT_HA_BROKER, o -> o.safety(safety));
    }

    /** Where Home Assistant users' brokers usually are. */
    static final String DEFAULT_HA_BROKER = "mqtt://localhost:1883";
}
