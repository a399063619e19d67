package io.codeact.bridge.tools.ros;

import io.codeact.bridge.safety.Confirmer;
import io.codeact.bridge.safety.GatedApis;
import io.codeact.bridge.safety.SafetyGate;
import io.codeact.bridge.safety.SafetyPolicy;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.safety.StopEcho;
import io.codeact.bridge.safety.StopLatch;
import io.codeact.bridge.transport.ros.RosPublisher;
import java.util.Map;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.ros.MessageRegistry;
import io.codeact.bridge.transport.ros.RosNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A robot reached over ROS 1 bound to code actions, the counterpart of the in-process
 * {@code SimWorldSession}: the world's tool declarations ({@code robot-tools/<world>.yaml}), a bridge
 * node on the given master, a {@link RosToolInvoker} and the Python APIs it becomes, plus
 * {@code wait(seconds)} (wall time: a ROS robot lives in real time).
 *
 * <pre>{@code
 * try (RosWorldSession robot = RosWorldSession.connect("warehouse", "http://localhost:11311/", Path.of("robot-tools"))) {
 *     robot.exposeIn(session);
 * }
 * }</pre>
 */
public final class RosWorldSession implements io.codeact.bridge.safety.RobotSession {
    private final String world;
    private final RosNode node;
    private final RosToolInvoker invoker;
    private final SafetyGate gate;
    private final RosPublisher stop;
    private final GatedApis apis;

    private RosWorldSession(String world, RosNode node, ToolSet declared, RosToolInvoker invoker, SafetySettings safety) {
        this.world = world;
        this.node = node;
        this.invoker = invoker;
        StopEcho echo = new StopEcho(); // our own halts come back on /codeact/stop: they must not latch
        this.stop = node.advertise(ToolCallProtocol.STOP_TOPIC, "std_msgs/String");
        // a stop sent on the bus by anyone latches this controller too: motion stays refused until a person resumes
        node.subscribe(ToolCallProtocol.STOP_TOPIC, "std_msgs/String",
                m -> {
                    if (!echo.ours(m.get("data"))) {
                        safety.latch().noteRemoteStop("ROS " + ToolCallProtocol.STOP_TOPIC + ": " + m.get("data"));
                    }
                });
        SafetyGate.Builder b = SafetyGate.builder(safety.policy(), declared, invoker)
                .latch(safety.latch())
                .confirmer(safety.confirmer())
                .halter(reason -> {
                    // the robot's (and a codeact sim node's) emergency stop topic: no queue, no service call
                    stop.publish(Map.of("data", echo.mark(reason)));
                    return Map.of("halted", List.of("all (published on " + ToolCallProtocol.STOP_TOPIC + ")"), "reason", reason);
                });
        this.gate = b.build();
        this.apis = GatedApis.of(gate, "Let time pass (wall time: the robot runs in real time). Returns the seconds waited.",
                GatedApis.wallClock());
    }

    /**
     * Loads {@code <toolsDir>/<world>.yaml}, starts a bridge node on {@code masterUri} (null: ROS_MASTER_URI,
     * then http://localhost:11311/) and binds the declarations, tools without a ros key going to the
     * codeact node's {@value ToolCallProtocol#CALL_SERVICE}.
     *
     * @throws IllegalArgumentException for a world without declarations
     * @throws io.codeact.bridge.tools.DeclarationException for a bad binding.ros
     * @throws io.codeact.bridge.transport.ros.MasterException if the master cannot be reached
     */
    public static RosWorldSession connect(String world, String masterUri, Path toolsDir) {
        return connect(world, masterUri, toolsDir, new SafetySettings(SafetyPolicy.defaults(),
                Confirmer.fixed(false, "nobody (no confirmer configured)"), new StopLatch(), false));
    }

    /** As {@link #connect(String, String, Path)}, every call passing a {@link SafetyGate} set up from {@code safety}. */
    public static RosWorldSession connect(String world, String masterUri, Path toolsDir, SafetySettings safety) {
        Path declarations = toolsDir.resolve(world + ".yaml");
        if (!Files.isRegularFile(declarations)) {
            throw new IllegalArgumentException("no tool declarations for world '" + world + "': expected " + declarations);
        }
        ToolSet tools = ToolSet.load(List.of(declarations));
        RosNode.Builder nb = RosNode.builder("/codeact_bridge_" + ProcessHandle.current().pid())
                .types(ToolCallProtocol.register(MessageRegistry.withBundledTypes()));
        if (masterUri != null) {
            nb.masterUri(masterUri);
        }
        RosNode node = nb.start();
        try {
            return new RosWorldSession(world, node, tools, RosToolInvoker.builder(node, tools).build(), safety);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** The tools the model sees: the declared ones the safety policy exposes. */
    public ToolSet tools() {
        return apis.tools();
    }

    /** The safety layer every call passes. */
    public SafetyGate safety() {
        return gate;
    }

    public RosNode node() {
        return node;
    }

    /** The Python APIs (the world's namespace and {@code wait}), for exposing and for the prompt. */
    public List<PyApi> apis() {
        return apis.apis();
    }

    public void exposeIn(Session session) {
        apis.exposeIn(session);
    }

    /** Exposes the APIs in the session, documents them in the prompt and records the binding in the episode. */
    public void bindTo(Session session, AgentConfig config) {
        apis.bindTo(session, config, Map.of("world", world, "binding", "ros", "master", node.masterUri()));
    }

    @Override
    public void close() {
        gate.close();
        invoker.close();
        node.close();
    }
}
