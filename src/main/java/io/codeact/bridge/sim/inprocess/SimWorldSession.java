package io.codeact.bridge.sim.inprocess;

import io.codeact.bridge.agent.ObservationSource;
import io.codeact.bridge.sandbox.Param;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.sandbox.Session;
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
    private final List<PyApi> apis;

    private SimWorldSession(World world, ToolSet tools, double realtimeFactor) {
        this.world = world;
        this.tools = tools;
        Pacing pacing = new Pacing(realtimeFactor);
        List<PyApi> all = new ArrayList<>(tools.toPyApis(new SimToolInvoker(world, realtimeFactor)));
        all.add(PyApi.function("wait", "Let time pass (sim time), e.g. for a room to warm up. Returns the time afterwards, s.",
                List.of(Param.required("seconds", "how long to wait (float, s, 0..3600)")), args -> {
                    double s = args.getDouble("seconds");
                    if (!(s >= 0 && s <= 3600)) {
                        throw RobotException.safetyViolation("wait.seconds.max", s, 3600.0,
                                "wait(): seconds must be within 0..3600, got " + s);
                    }
                    if (pacing.paced()) {
                        try {
                            pacing.run(world, () -> false, s, () -> {});
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw RobotException.robotError("wait() was interrupted by the controller");
                        }
                    }
                    synchronized (world) {
                        if (!pacing.paced()) {
                            world.runUntil(() -> false, s);
                        }
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
        return create(worldName, seed, scenario, toolsDir, 0);
    }

    /**
     * As {@link #create(String, long, Map, Path)}, with sim time paced to the wall clock during calls:
     * {@code realtimeFactor} sim seconds per wall second, 0 for as fast as possible (see {@link SimToolInvoker}).
     *
     * @throws IllegalArgumentException for an unknown world, a world without declarations or a bad factor
     */
    public static SimWorldSession create(String worldName, long seed, Map<String, ?> scenario, Path toolsDir,
            double realtimeFactor) {
        Path declarations = toolsDir.resolve(worldName + ".yaml");
        if (!Files.isRegularFile(declarations)) {
            throw new IllegalArgumentException("no tool declarations for world '" + worldName + "': expected "
                    + declarations + "; worlds: " + String.join(", ", WorldRegistry.standard().names()));
        }
        World world = WorldRegistry.standard().create(worldName, seed, scenario);
        return new SimWorldSession(world, ToolSet.load(List.of(declarations)), realtimeFactor);
    }

    public World world() {
        return world;
    }

    public ToolSet tools() {
        return tools;
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
