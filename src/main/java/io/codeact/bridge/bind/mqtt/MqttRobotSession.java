package io.codeact.bridge.bind.mqtt;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.safety.GatedApis;
import io.codeact.bridge.safety.SafetyGate;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.tools.ToolSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A robot reached over MQTT bound to code actions, the counterpart of {@code tools.ros.RosWorldSession}: the
 * world's tool declarations ({@code robot-tools/<world>.yaml}), a {@link MqttDeviceLink} to the device on a
 * broker, and the Python APIs they become, every call passing a {@link SafetyGate} built from
 * {@link SafetySettings}. Nothing is simulated here: the device is a real one or a {@code codeact sim} node in
 * another process. The gate's emergency stop publishes on the device's stop topic
 * ({@code <prefix>/<device>/stop}). {@code wait(seconds)} is the device's {@code sim.wait} when it is a
 * simulator node (sim time, so a lockstep node moves on), else the wall clock ({@link MqttDeviceLink}).
 *
 * <pre>{@code
 * try (MqttRobotSession robot = MqttRobotSession.connect("warehouse", Path.of("robot-tools"),
 *         o -> o.brokerUrl("mqtt://localhost:1883").device("robot"), safety)) {
 *     robot.bindTo(session, config);
 * }
 * }</pre>
 */
public final class MqttRobotSession implements io.codeact.bridge.safety.RobotSession {
    private final String world;
    private final MqttDeviceLink link;
    private final SafetyGate gate;
    private final GatedApis apis;

    private MqttRobotSession(String world, ToolSet declared, MqttDeviceLink link, SafetySettings safety) {
        this.world = world;
        this.link = link;
        SafetyGate.Builder b = SafetyGate.builder(safety.policy(), declared, link.invoker())
                .latch(safety.latch())
                .confirmer(safety.confirmer())
                .halter(link::halt);
        this.gate = b.build();
        // a stop sent on the bus by anyone latches this controller too: motion stays refused until a person resumes
        link.latchOnStops(safety.latch());
        this.apis = GatedApis.of(gate, "Let time pass on the robot's clock (a simulator's sim time, else wall time). "
                + "Returns the robot's time afterwards (a real robot: the seconds waited).", link::waitSeconds);
    }

    /**
     * Loads {@code <toolsDir>/<world>.yaml} and connects to the device on the broker the options name.
     *
     * @throws IllegalArgumentException for a world without declarations, a missing broker URL or a bad option
     * @throws io.codeact.bridge.tools.DeclarationException for a bad {@code binding.mqtt}
     * @throws io.codeact.bridge.safety.SafetyFileException when the safety policy does not fit the declarations
     * @throws io.codeact.bridge.transport.TransportException if the broker cannot be reached
     */
    public static MqttRobotSession connect(String world, Path toolsDir, Consumer<MqttDeviceLink.Options> configure,
            SafetySettings safety) {
        Path declarations = toolsDir.resolve(world + ".yaml");
        if (!Files.isRegularFile(declarations)) {
            throw new IllegalArgumentException("no tool declarations for world '" + world + "': expected " + declarations);
        }
        ToolSet tools = ToolSet.load(List.of(declarations));
        MqttDeviceLink link = MqttDeviceLink.connect(tools, configure);
        try {
            return new MqttRobotSession(world, tools, link, safety);
        } catch (RuntimeException e) {
            link.close();
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

    /** The connection to the device. */
    public MqttDeviceLink link() {
        return link;
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
        apis.bindTo(session, config, Map.of("world", world, "binding", "mqtt", "broker", link.brokerUrl(), "device", link.device()));
    }

    @Override
    public void close() {
        try {
            gate.close();
        } finally {
            link.close();
        }
    }
}
