package io.codeact.bridge.sim.inprocess;

import io.codeact.bridge.agent.ObservationSource;
import io.codeact.bridge.sandbox.Param;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.safety.SafetyGate;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.tools.ToolSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;

/**
 * A simulated world bound in-process to code actions: the world, its tool declarations
 * ({@code robot-tools/<world>.yaml}), the Python APIs they become, a {@code wait(seconds)} function
 * that lets sim time pass, and an observation source that tells the model what changed in the world
 * during each action.
 *
 * <pre>{@code
 * SimWorldSession sim = SimWorldSession.create("warehouse", 7, Map.of(), Path.of("robot-tools"));
 * sim.exposeIn(session);
 * }</pre>
 */
public final class SimWorldSession {
    private final World world;
    private final ToolSet tools;
    private final SafetyGate gate;
    private final List<PyApi> apis;

    private SimWorldSession(World world, ToolSet declared, SafetySettings safety) {
        this.world = world;
        SafetyGate.Builder b = SafetyGate.builder(safety.policy(), declared, new SimToolInvoker(world))
                .latch(safety.latch())
                .confirmer(safety.confirmer())
                .nanos(() -> world.clock().nanos())  // rate limits count robot time: the sim runs faster than real time
                .halter(reason -> {
                    synchronized (world) {
                        return world.halt(reason);
                    }
                });
        if (safety.dryRun()) {
            b.dryRun(SafetySettings::wouldSend);
        }
        this.gate = b.build();
        this.tools = gate.tools();
        List<PyApi> all = new ArrayList<>(gate.pyApis());
        all.add(PyApi.function("wait", "Let time pass (sim time), e.g. for a room to warm up. Returns the time afterwards, s.",
                List.of(Param.required("seconds", "how long to wait (float, s, 0..3600)")), args -> {
                    double s = args.getDouble("seconds");
                    if (!(s >= 0 && s <= 3600)) {
                        throw RobotException.safetyViolation("wait.seconds.max", s, 3600.0,
                                "wait(): seconds must be within 0..3600, got " + s);
                    }
                    synchronized (world) {
                        world.runUntil(() -> false, s);
                        return world.clock().seconds();
                    }
                }));
        this.apis = List.copyOf(all);
    }

    /**
     * Creates the world and loads {@code <toolsDir>/<world>.yaml}.
     *
     * @throws IllegalArgumentException for an unknown world or a world without declarations
     */
    public static SimWorldSession create(String worldName, long seed, Map<String, ?> scenario, Path toolsDir) {
        return create(worldName, seed, scenario, toolsDir, SafetySettings.unattendedSimulator());
    }

    /**
     * Creates the world and loads {@code <toolsDir>/<world>.yaml}; every call passes a {@link SafetyGate}
     * set up from {@code safety}.
     *
     * @throws IllegalArgumentException for an unknown world or a world without declarations
     * @throws io.codeact.bridge.safety.SafetyFileException when the safety file does not fit the declarations
     */
    public static SimWorldSession create(String worldName, long seed, Map<String, ?> scenario, Path toolsDir,
            SafetySettings safety) {
        Path declarations = toolsDir.resolve(worldName + ".yaml");
        if (!Files.isRegularFile(declarations)) {
            throw new IllegalArgumentException("no tool declarations for world '" + worldName + "': expected "
                    + declarations + "; worlds: " + String.join(", ", WorldRegistry.standard().names()));
        }
        World world = WorldRegistry.standard().create(worldName, seed, scenario);
        return new SimWorldSession(world, ToolSet.load(List.of(declarations)), safety);
    }

    public World world() {
        return world;
    }

    /** The tools the model sees: the declared ones the safety policy exposes. */
    public ToolSet tools() {
        return tools;
    }

    /** The safety layer every call of this world passes. */
    public SafetyGate safety() {
        return gate;
    }

    /** The Python APIs (the world's namespace and {@code wait}), for exposing and for the prompt. */
    public List<PyApi> apis() {
        return apis;
    }

    public void exposeIn(Session session) {
        apis.forEach(session::expose);
    }

    /**
     * Binds this world to an episode: exposes its APIs in the session, documents them in the agent's
     * prompt, adds what changed during each action to observations and records the world and seed.
     */
    public void bindTo(Session session, io.codeact.bridge.agent.AgentConfig config) {
        exposeIn(session);
        config.apis.addAll(apis);
        config.observationSources.add(changes());
        config.observationSources.add(gate);
        config.guard = gate;
        config.recordedSettings.put("world", world.name());
        config.recordedSettings.put("seed", world.seed());
    }

    /**
     * Records the world's final ground-truth state in the episode log (a {@code world_state} line), so
     * {@code codeact plot LOG} can draw it later.
     */
    public void recordFinalState(io.codeact.bridge.agent.EpisodeLog log) {
        synchronized (world) {
            log.record("world_state", java.util.Map.of("world", world.name(), "state", world.state()));
        }
    }

    /** What changed in the world's state during an action, in one compact line for the model. */
    public ObservationSource changes() {
        return new WorldChanges(world);
    }
}
