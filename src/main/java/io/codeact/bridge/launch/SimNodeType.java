package io.codeact.bridge.launch;

import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.sim.node.HomeAssistantSimNode;
import io.codeact.bridge.sim.node.SimMqttNode;
import io.codeact.bridge.sim.node.SimRosNode;
import io.codeact.bridge.tools.ToolSet;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code sim}: a simulated world as a device node, as {@code codeact sim} runs it: an MQTT device
 * ({@link SimMqttNode}, realtime or lockstep) or, with {@code transport: ros}, a ROS 1 robot ({@link SimRosNode}).
 * Healthy while its MQTT link is up or its ROS node is registered. Its world is listed in the launch's
 * {@link LaunchDirectory} under the node's name, so an {@code agent} of the same launch can draw it
 * ({@code sim_node}). It ends only when stopped.
 */
final class SimNodeType implements NodeType {
    private static final Set<String> MQTT_ONLY = Set.of("broker", "device", "prefix", "lockstep", "telemetry_hz", "lease_s");
    private static final Set<String> ROS_ONLY = Set.of("master", "use_sim_time");

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public String doc() {
        return "a simulated world as an MQTT device node or a ROS node, as `codeact sim`";
    }

    @Override
    public List<NodeParam> params() {
        return List.of(
                NodeParam.required("world", NodeParam.Kind.STRING, "warehouse, tabletop or smart_home (ros: warehouse)"),
                NodeParam.optional("seed", NodeParam.Kind.INT, 7, "the world's seed"),
                NodeParam.optional("transport", NodeParam.Kind.STRING, "mqtt",
                        "mqtt (a device on a broker), ros (a ROS 1 node) or homeassistant (smart_home: devices announced by Home Assistant MQTT discovery)"),
                NodeParam.optional("broker", NodeParam.Kind.STRING, null,
                        "mqtt: the broker URL; default the launch's mqtt_broker node, else mqtt://localhost:1883"),
                NodeParam.optional("device", NodeParam.Kind.STRING, null, "mqtt: the device name in topics (default the tools' namespace: robot, home)"),
                NodeParam.optional("prefix", NodeParam.Kind.STRING, "codeact", "mqtt: the topic prefix"),
                NodeParam.optional("rate", NodeParam.Kind.NUMBER, null, "sim seconds per wall second (default 1; realtime)"),
                NodeParam.optional("lockstep", NodeParam.Kind.BOOL, false, "mqtt: sim time moves only while a command runs (no rate)"),
                NodeParam.optional("telemetry_hz", NodeParam.Kind.NUMBER, null, "mqtt: telemetry per wall second (default 10 realtime, none lockstep)"),
                NodeParam.optional("lease_s", NodeParam.Kind.NUMBER, 1.0, "mqtt, realtime: a motion stops this long after the bridge's last heartbeat"),
                NodeParam.optional("master", NodeParam.Kind.STRING, null,
                        "ros: the master URI; default the launch's roscore node, else ROS_MASTER_URI, else http://localhost:11311/"),
                NodeParam.optional("use_sim_time", NodeParam.Kind.BOOL, false, "ros: set /use_sim_time and stamp messages with sim time"));
    }

    @Override
    public void validate(NodeParams p, LaunchPlan.Source source) {
        String transport = p.string("transport");
        boolean ros = transport.equals("ros");
        if (transport.equals("homeassistant")) {
            if (!p.string("world").equals("smart_home")) {
                p.problem("world", "transport homeassistant announces the smart home's devices; use world: smart_home");
            }
            for (String name : List.of("master", "use_sim_time", "device", "lockstep", "telemetry_hz")) {
                if (p.given(name)) {
                    p.problem(name, "does not apply to transport homeassistant; remove it");
                }
            }
            if (given(p, "broker") && !p.string("broker").contains("://")) {
                p.problem("broker", "must be a URL such as mqtt://localhost:1883, got '" + p.string("broker") + "'");
            }
            return;
        }
        if (!ros && !transport.equals("mqtt")) {
            p.problem("transport", "must be mqtt, ros or homeassistant, got '" + transport + "'");
            return;
        }
        for (String name : ros ? MQTT_ONLY : ROS_ONLY) {
            if (p.given(name)) {
                p.problem(name, "applies to transport " + (ros ? "mqtt" : "ros") + ", not " + transport + "; remove it");
            }
        }
        String world = p.string("world");
        Set<String> worlds = WorldRegistry.standard().names();
        if (!worlds.contains(world)) {
            p.problem("world", "unknown world '" + world + "'; use one of: " + String.join(", ", worlds));
        } else if (ros && !world.equals("warehouse")) {
            p.problem("world", "a ROS sim node serves the warehouse robot; '" + world + "' runs as an MQTT node (transport: mqtt)");
        } else if (!ros && !Files.isRegularFile(source.home().resolve("robot-tools/" + world + ".yaml"))) {
            p.problem("world", "no tool declarations for world '" + world + "': expected " + source.home().resolve("robot-tools/" + world + ".yaml"));
        }
        if (p.has("rate") && (!(p.number("rate") > 0) || p.number("rate") > 1000)) {
            p.problem("rate", "must be within (0, 1000] sim seconds per wall second, got " + p.number("rate"));
        }
        if (p.bool("lockstep") && p.has("rate")) {
            p.problem("lockstep", "a lockstep node has no rate: give one of lockstep and rate");
        }
        if (p.has("telemetry_hz") && !(p.number("telemetry_hz") >= 0 && p.number("telemetry_hz") <= 1000)) {
            p.problem("telemetry_hz", "must be within 0..1000, got " + p.number("telemetry_hz"));
        }
        if (!(p.number("lease_s") >= 0.01)) {
            p.problem("lease_s", "must be at least 0.01 s, got " + p.number("lease_s"));
        }
        if (p.has("device") && !p.string("device").matches("[^/+#\\s]+")) {
            p.problem("device", "must be one MQTT topic level (no '/', '+', '#' or spaces), got '" + p.string("device") + "'");
        }
        if (given(p, "broker") && !p.string("broker").contains("://")) {
            p.problem("broker", "must be a URL such as mqtt://localhost:1883, got '" + p.string("broker") + "'");
        }
    }

    /** A non-blank value: an empty broker or master (e.g. from an empty arg) means the default. */
    static boolean given(NodeParams p, String name) {
        return p.has(name) && !p.string(name).isBlank();
    }

    @Override
    public RunningNode start(NodeParams p, NodeContext context) {
        World world = WorldRegistry.standard().create(p.string("world"), p.integer("seed"), Map.of());
        double rate = p.has("rate") ? p.number("rate") : 1.0;
        context.directory().putWorld(context.node(), world);
        try {
            return switch (p.string("transport")) {
                case "ros" -> startRos(p, context, world, rate);
                case "homeassistant" -> startHomeAssistant(p, context, world, rate);
                default -> startMqtt(p, context, world, rate);
            };
        } catch (RuntimeException e) {
            context.directory().remove(context.node());
            throw e;
        }
    }

    private static RunningNode startMqtt(NodeParams p, NodeContext context, World world, double rate) {
        ToolSet tools = ToolSet.load(List.of(SimWorldSession.declarations(world.name(), context.home().resolve("robot-tools"))));
        String url = given(p, "broker") ? p.string("broker") : context.directory().broker().orElse("mqtt://localhost:1883");
        boolean lockstep = p.bool("lockstep");
        SimMqttNode sim = SimMqttNode.connect(world, tools, o -> {
            o.brokerUrl(url).prefix(p.string("prefix")).device(p.string("device"))
                    .lease(Duration.ofMillis(Math.round(p.number("lease_s") * 1000)));
            if (lockstep) {
                o.lockstep();
            } else {
                o.realtime(rate);
            }
            if (p.has("telemetry_hz")) {
                o.telemetryHz(p.number("telemetry_hz"));
            }
        });
        String what = world.name() + " (seed " + world.seed() + ", " + (lockstep ? "lockstep" : "realtime x" + rate) + ") is device '"
                + sim.device() + "' on " + sim.transport().endpoint() + ": commands on " + sim.prefix() + "/" + sim.device() + "/<api>/cmd";
        return new Running(context, sim::close, () -> sim.transport().isConnected(), what);
    }

    private static RunningNode startHomeAssistant(NodeParams p, NodeContext context, World world, double rate) {
        String url = given(p, "broker") ? p.string("broker") : context.directory().broker().orElse("mqtt://localhost:1883");
        HomeAssistantSimNode sim = HomeAssistantSimNode.connect(world, o -> o.brokerUrl(url).rate(rate));
        String what = world.name() + " (seed " + world.seed() + ", realtime x" + rate + ") announces " + sim.discoveryConfigs().size()
                + " devices by Home Assistant discovery on " + sim.transport().endpoint();
        return new Running(context, sim::close, () -> sim.transport().isConnected(), what);
    }

    private static RunningNode startRos(NodeParams p, NodeContext context, World world, double rate) {
        String master = given(p, "master") ? p.string("master") : context.directory().master().orElse(null);
        SimRosNode sim = SimRosNode.builder(world).realtimeFactor(rate).useSimTime(p.bool("use_sim_time")).masterUri(master).start();
        String what = world.name() + " (seed " + world.seed() + ", x" + rate + " real time) is ROS node " + sim.node().name() + " on "
                + sim.node().masterUri() + ": /cmd_vel in, /odom /scan /battery /clock out, /codeact/call";
        Running running = new Running(context, sim::close, () -> !sim.node().isClosed(), what);
        Thread watcher = new Thread(() -> {
            try {
                sim.awaitClosed();
                running.ended("shut down");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "launch-" + context.node() + "-watch");
        watcher.setDaemon(true);
        watcher.start();
        return running;
    }

    /** A running sim node: healthy while its link is up; ends when stopped (or its ROS node shut down). */
    private static final class Running implements RunningNode {
        private final NodeContext context;
        private final Runnable close;
        private final java.util.function.BooleanSupplier up;
        private final String what;
        private final CompletableFuture<NodeExit> exit = new CompletableFuture<>();

        Running(NodeContext context, Runnable close, java.util.function.BooleanSupplier up, String what) {
            this.context = context;
            this.close = close;
            this.up = up;
            this.what = what;
        }

        void ended(String how) {
            context.directory().remove(context.node());
            exit.complete(NodeExit.succeeded(how));
        }

        @Override
        public boolean healthy() {
            return !exit.isDone() && up.getAsBoolean();
        }

        @Override
        public CompletableFuture<NodeExit> exit() {
            return exit;
        }

        @Override
        public void stop() {
            context.directory().remove(context.node());
            try {
                close.run();
            } finally {
                exit.complete(NodeExit.succeeded("stopped"));
            }
        }

        @Override
        public String describe() {
            return what;
        }
    }
}
