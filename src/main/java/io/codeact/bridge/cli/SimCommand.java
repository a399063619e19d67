package io.codeact.bridge.cli;

import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.sim.node.HomeAssistantSimNode;
import io.codeact.bridge.sim.node.SimMqttNode;
import io.codeact.bridge.tools.ToolSet;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeact sim}: a simulated world as a device node on a bus (MQTT) or a ROS robot, until Ctrl-C. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run a simulated world as an MQTT device node until Ctrl-C: the bridge (or any MQTT client) drives it",
            "through <prefix>/<device>/<api>/cmd exactly as it would a real device (docs/MQTT.md, docs/SIMULATORS.md).",
            "--ros: a ROS 1 node instead (/odom, /scan, /battery, /clock, /cmd_vel, /codeact/call); see docs/ROS.md.",
            "--homeassistant (smart_home): Home Assistant MQTT discovery devices instead; see docs/MQTT.md."})
final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--world", paramLabel = "NAME", required = true, description = "warehouse, tabletop or smart_home (--ros: warehouse)")
    String world;

    @Option(names = "--seed", defaultValue = "7", description = "the world's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--broker", paramLabel = "URL", defaultValue = "mqtt://localhost:1883",
            description = "the MQTT broker (default ${DEFAULT-VALUE}; `codeact mqtt broker` runs one)")
    String broker;

    @Option(names = "--device", paramLabel = "NAME", description = "the device name in topics (default: the tools' namespace, robot or home)")
    String device;

    @Option(names = "--prefix", defaultValue = "codeact", description = "the topic prefix (default ${DEFAULT-VALUE})")
    String prefix;

    static final class Clock {
        @Option(names = "--rate", paramLabel = "F", description = "realtime: sim seconds per wall second (default 1)")
        Double rate;

        @Option(names = "--lockstep", description = "sim time moves only while a command or sim.wait runs")
        boolean lockstep;
    }

    @ArgGroup(exclusive = true)
    Clock clock;

    @Option(names = "--telemetry-hz", paramLabel = "HZ", description = "telemetry publications per wall second (default 10 realtime, none lockstep)")
    Double telemetryHz;

    @Option(names = "--lease", paramLabel = "S", defaultValue = "1.0",
            description = "realtime: a motion stops this long after the bridge's last heartbeat (default ${DEFAULT-VALUE} s)")
    double leaseSeconds;

    @Option(names = "--homeassistant", description = "smart_home: announce the devices by Home Assistant MQTT discovery and speak "
            + "HA payloads (topics under <prefix>/<device>, default codeact/home); see docs/MQTT.md")
    boolean homeAssistant;

    @Option(names = "--ros", description = "serve the world as a ROS 1 node instead of an MQTT device")
    boolean ros;

    @Option(names = "--master", paramLabel = "URL",
            description = "with --ros: the ROS master (default: an embedded master on localhost:11311)")
    String master;

    @Option(names = "--use-sim-time", description = "with --ros: set /use_sim_time and stamp messages with sim time")
    boolean useSimTime;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (ros && homeAssistant) {
            err.println("codeact sim: choose one of --ros and --homeassistant");
            return ExitCodes.USAGE;
        }
        if (ros) {
            return runRos();
        }
        if (master != null || useSimTime) {
            err.println("codeact sim: --master and --use-sim-time apply to --ros");
            return ExitCodes.USAGE;
        }
        World w;
        ToolSet tools;
        try {
            tools = ToolSet.load(List.of(SimWorldSession.declarations(world, Home.root().resolve("robot-tools"))));
            w = WorldRegistry.standard().create(world, seed, Map.of());
        } catch (IllegalArgumentException e) {
            err.println("codeact sim: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return homeAssistant ? runHomeAssistant(w) : runMqtt(w, tools);
    }

    /** The smart home as Home Assistant MQTT devices: announces, serves until Ctrl-C, then goes offline. */
    private int runHomeAssistant(World w) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (clock != null && clock.lockstep) {
            err.println("codeact sim: --lockstep applies to the codeact device node; Home Assistant devices run in real time (--rate F)");
            return ExitCodes.USAGE;
        }
        double rate = clock != null && clock.rate != null ? clock.rate : 1.0;
        HomeAssistantSimNode node;
        try {
            node = HomeAssistantSimNode.connect(w, o -> o.brokerUrl(broker).baseTopic(prefix + "/" + (device != null ? device : "home")).rate(rate));
        } catch (IllegalArgumentException | io.codeact.bridge.transport.TransportException e) {
            return connectFailed(e);
        }
        CountDownLatch stopped = closeOnShutdown(node::close, "ha-sim-node-stop");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("codeact sim: %s (seed %d, realtime x%s) announced %d devices by Home Assistant discovery on %s%n", w.name(), seed, rate,
                node.discoveryConfigs().size(), node.transport().endpoint());
        out.printf("  topics: %s/<object_id>/...; availability: %s%n", node.baseTopic(), node.availabilityTopic());
        out.println("  bind them: codeact exec --binding ha --broker URL FILE; Ctrl-C stops it");
        out.flush();
        stopped.await();
        return ExitCodes.INTERRUPTED;
    }

    /** The ROS node: registers with the master, serves until Ctrl-C. */
    private int runRos() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (clock != null && clock.lockstep) {
            err.println("codeact sim: --lockstep applies to the MQTT node; a ROS robot runs in real time (--rate F)");
            return ExitCodes.USAGE;
        }
        double rate = clock != null && clock.rate != null ? clock.rate : 1.0;
        if (!(rate > 0)) {
            err.println("codeact sim: --rate must be > 0, got " + rate);
            return ExitCodes.USAGE;
        }
        try {
            return SimRosRunner.run(world, seed, master, rate, useSimTime, spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            err.println("codeact sim: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            err.println("codeact sim: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** The MQTT node: connects, serves until Ctrl-C, then goes offline. */
    private int runMqtt(World w, ToolSet tools) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean lockstep = clock != null && clock.lockstep;
        double rate = clock != null && clock.rate != null ? clock.rate : 1.0;
        SimMqttNode node;
        try {
            node = SimMqttNode.connect(w, tools, o -> {
                o.brokerUrl(broker).prefix(prefix).device(device).lease(Duration.ofMillis(Math.round(leaseSeconds * 1000)));
                if (lockstep) {
                    o.lockstep();
                } else {
                    o.realtime(rate);
                }
                if (telemetryHz != null) {
                    o.telemetryHz(telemetryHz);
                }
            });
        } catch (IllegalArgumentException | io.codeact.bridge.transport.TransportException e) {
            return connectFailed(e);
        }
        CountDownLatch stopped = closeOnShutdown(node::close, "sim-node-stop");
        out.printf("codeact sim: %s (seed %d, %s) is device '%s' on %s%n", w.name(), seed,
                lockstep ? "lockstep" : "realtime x" + rate, node.device(), node.transport().endpoint());
        out.printf("  commands: %s/%s/<api>/cmd (%d APIs and %s), echoes on .../state%n", prefix, node.device(),
                node.commandTopics().size() - 1, SimMqttNode.WAIT_API);
        out.printf("  stop: %s or %s; safety: %s; telemetry: %s/%s/telemetry/#%n", SimMqttNode.stopTopic(prefix, null),
                SimMqttNode.stopTopic(prefix, node.device()), SimMqttNode.safetyTopic(prefix, node.device()), prefix, node.device());
        out.println("  Ctrl-C stops it");
        out.flush();
        stopped.await();
        return ExitCodes.INTERRUPTED;
    }

    /** A bad option is a usage error; a broker that cannot be reached a failure. */
    private int connectFailed(RuntimeException e) {
        spec.commandLine().getErr().println("codeact sim: " + e.getMessage());
        return e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }

    /** Closes the node on Ctrl-C (JVM shutdown); the returned latch opens once it is closed. */
    private static CountDownLatch closeOnShutdown(Runnable close, String threadName) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            stopped.countDown();
        }, threadName));
        return stopped;
    }
}
