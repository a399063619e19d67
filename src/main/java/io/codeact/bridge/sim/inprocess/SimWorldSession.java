package io.codeact.bridge.sim.inprocess;

import io.codeact.bridge.safety.GatedApis;
import io.codeact.bridge.safety.SafetyGate;
import io.codeact.bridge.safety.SafetySettings;
import java.util.function.Function;

import io.codeact.bridge.agent.ObservationSource;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.tools.ToolInvoker;
import io.codeact.bridge.tools.ToolSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;

/**
 * A simulated world bound to code actions: the world, its tool declarations
 * ({@code robot-tools/<world>.yaml}), the Python APIs they become, a {@code wait(seconds)} function
 * that lets sim time pass, and an observation source that tells the model what changed in the world
 * during each action. {@link #create} binds in-process ({@link SimToolInvoker}); {@link #bound} takes any
 * invoker and wait, e.g. the MQTT binding to a simulator node in the same JVM ({@code sim.node.MqttWorldSession}).
 * Close it to release what the binding holds (nothing for the in-process one).
 *
 * <pre>{@code
 * SimWorldSession sim = SimWorldSession.create("warehouse", 7, Map.of(), Path.of("robot-tools"));
 * sim.exposeIn(session);
 * }</pre>
 */
public final class SimWorldSession implements io.codeact.bridge.safety.RobotSession {
    /** Lets {@code seconds} of sim time pass and returns the sim time afterwards, s. */
    @FunctionalInterface
    public interface Wait extends GatedApis.Wait {}

    private final World world;
    private final SafetyGate gate;
    private final GatedApis apis;
    private final AutoCloseable resources;

    private SimWorldSession(World world, ToolSet declared, ToolInvoker invoker, Wait wait, AutoCloseable resources,
            SafetySettings safety, Function<String, Object> halter) {
        this.world = world;
        this.resources = resources;
        SafetyGate.Builder b = SafetyGate.builder(safety.policy(), declared, invoker)
                .latch(safety.latch())
                .confirmer(safety.confirmer())
                .nanos(() -> world.clock().nanos())  // rate limits count robot time: the sim runs faster than real time
                .halter(halter);
        if (safety.dryRun()) {
            b.dryRun(SafetySettings::wouldSend);
        }
        this.gate = b.build();
        this.apis = GatedApis.of(gate, "Let time pass (sim time), e.g. for a room to warm up. Returns the time afterwards, s.", wait);
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
        return create(worldName, seed, scenario, toolsDir, safety, 0);
    }

    /**
     * As {@link #create(String, long, Map, Path)}, with sim time paced to the wall clock during calls:
     * {@code realtimeFactor} sim seconds per wall second, 0 for as fast as possible (see {@link SimToolInvoker}).
     *
     * @throws IllegalArgumentException for an unknown world, a world without declarations or a bad factor
     */
    public static SimWorldSession create(String worldName, long seed, Map<String, ?> scenario, Path toolsDir,
            double realtimeFactor) {
        return create(worldName, seed, scenario, toolsDir, SafetySettings.unattendedSimulator(), realtimeFactor);
    }

    /** Paced to the wall clock (see above) and behind a {@link SafetyGate} set up from {@code safety}. */
    public static SimWorldSession create(String worldName, long seed, Map<String, ?> scenario, Path toolsDir,
            SafetySettings safety, double realtimeFactor) {
        World world = WorldRegistry.standard().create(checkedWorld(worldName, toolsDir), seed, scenario);
        Pacing pacing = new Pacing(realtimeFactor);
        Wait wait = s -> {
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
        };
        return new SimWorldSession(world, ToolSet.load(List.of(declarations(worldName, toolsDir))),
                new SimToolInvoker(world, realtimeFactor), wait, () -> { }, safety, haltInProcess(world));
    }

    /** Halts the world directly, under its monitor (the in-process emergency stop). */
    public static Function<String, Object> haltInProcess(World world) {
        return reason -> {
            synchronized (world) {
                return world.halt(reason);
            }
        };
    }

    /**
     * A world bound through another binding: its calls go to {@code invoker}, {@code wait()} to {@code wait}.
     * {@code world} is the same world the binding drives (in this JVM), read under its monitor for the
     * observations and success checks; {@code resources} is closed by {@link #close()}.
     */
    public static SimWorldSession bound(World world, ToolSet tools, ToolInvoker invoker, Wait wait, AutoCloseable resources) {
        return bound(world, tools, invoker, wait, resources, SafetySettings.unattendedSimulator(), haltInProcess(world));
    }

    /**
     * As {@link #bound(World, ToolSet, ToolInvoker, Wait, AutoCloseable)}, behind a {@link SafetyGate} set up
     * from {@code safety}; {@code halter} is the binding's emergency stop (e.g. publishing on the stop topic).
     */
    public static SimWorldSession bound(World world, ToolSet tools, ToolInvoker invoker, Wait wait, AutoCloseable resources,
            SafetySettings safety, Function<String, Object> halter) {
        return new SimWorldSession(world, tools, invoker, wait, resources, safety, halter);
    }

    /** {@code <toolsDir>/<world>.yaml}. @throws IllegalArgumentException if it does not exist */
    public static Path declarations(String worldName, Path toolsDir) {
        Path declarations = toolsDir.resolve(worldName + ".yaml");
        if (!Files.isRegularFile(declarations)) {
            throw new IllegalArgumentException("no tool declarations for world '" + worldName + "': expected "
                    + declarations + "; worlds: " + String.join(", ", WorldRegistry.standard().names()));
        }
        return declarations;
    }

    private static String checkedWorld(String worldName, Path toolsDir) {
        declarations(worldName, toolsDir);
        return worldName;
    }

    /** Releases what the binding holds (connections, a simulator node); idempotent for the bindings shipped here. */
    @Override
    public void close() {
        gate.close();
        try {
            resources.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not close the " + world.name() + " binding: " + e.getMessage(), e);
        }
    }

    public World world() {
        return world;
    }

    /** The tools the model sees: the declared ones the safety policy exposes. */
    public ToolSet tools() {
        return apis.tools();
    }

    /** The safety layer every call of this world passes. */
    public SafetyGate safety() {
        return gate;
    }

    /** The Python APIs (the world's namespace and {@code wait}), for exposing and for the prompt. */
    public List<PyApi> apis() {
        return apis.apis();
    }

    public void exposeIn(Session session) {
        apis.exposeIn(session);
    }

    /**
     * Binds this world to an episode: exposes its APIs in the session, documents them in the agent's
     * prompt, adds what changed during each action to observations and records the world and seed.
     */
    public void bindTo(Session session, io.codeact.bridge.agent.AgentConfig config) {
        config.observationSources.add(changes());
        apis.bindTo(session, config, Map.of("world", world.name(), "seed", world.seed()));
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
