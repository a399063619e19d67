package io.codeact.bridge.node;

import io.codeact.bridge.safety.Confirmer;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.safety.StopLatch;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.eval.Task;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A simulated world bound in-process ({@link SimWorldSession}) as the robot of a node or a run. The world
 * persists from goal to goal, as a real robot would; a task goal resets it to the task's scenario and seed.
 *
 * <p>The in-process world only moves while an action runs, so {@link #halt} ends every motion
 * ({@link World#halt}) and then lets the world coast to rest at once ({@value #SETTLE_SECONDS} s of sim time),
 * so that nothing is moving afterwards. Thread-safe.
 */
public final class SimulatedRobot implements RobotBinding {
    /** Sim time a halted world gets to come to rest (the warehouse base brakes at 1 m/s² from at most 1 m/s). */
    static final double SETTLE_SECONDS = 2.0;

    private final Path toolsDir;
    private final double realtimeFactor;
    private final Function<String, SafetySettings> safety;
    private volatile SimWorldSession sim;

    private SimulatedRobot(SimWorldSession sim, Path toolsDir, double realtimeFactor, Function<String, SafetySettings> safety) {
        this.sim = sim;
        this.toolsDir = toolsDir;
        this.realtimeFactor = realtimeFactor;
        this.safety = safety;
    }

    /**
     * A new world from robot-tools/{@code <world>.yaml} declarations.
     *
     * @param realtimeFactor sim seconds per wall second during actions; 0 = as fast as possible
     * @throws IllegalArgumentException for an unknown world or a bad factor
     */
    public static SimulatedRobot create(String world, long seed, Path toolsDir, double realtimeFactor) {
        return create(world, seed, toolsDir, realtimeFactor, w -> safety(toolsDir, w));
    }

    /**
     * As {@link #create(String, long, Path, double)}, the safety layer of each world (this one, and a task goal's)
     * from {@code safety}.
     *
     * @throws io.codeact.bridge.safety.SafetyFileException when the settings' safety file is invalid
     */
    public static SimulatedRobot create(String world, long seed, Path toolsDir, double realtimeFactor,
            Function<String, SafetySettings> safety) {
        return new SimulatedRobot(SimWorldSession.create(world, seed, Map.of(), toolsDir, safety.apply(world), realtimeFactor),
                toolsDir, realtimeFactor, safety);
    }

    /** The robot of a world already made, run as fast as possible; task goals reload from {@code toolsDir}. */
    public static SimulatedRobot of(SimWorldSession sim, Path toolsDir) {
        return new SimulatedRobot(sim, toolsDir, 0, w -> safety(toolsDir, w));
    }

    /** A robot for this task's scenario and seed. */
    public static SimulatedRobot forTask(Task task, Path toolsDir, double realtimeFactor) {
        return new SimulatedRobot(SimWorldSession.create(task.world(), task.seed(), task.scenario(), toolsDir,
                safety(toolsDir, task.world()), realtimeFactor), toolsDir, realtimeFactor, w -> safety(toolsDir, w));
    }

    /**
     * The safety layer of a node's world: {@code safety/<world>.yaml} of the checkout when it exists, this
     * process's stop latch, and no person at the node to confirm irreversible calls (they are denied).
     */
    static SafetySettings safety(Path toolsDir, String world) {
        Path home = toolsDir.toAbsolutePath().getParent();
        return SafetySettings.forWorld(home == null ? Path.of(".") : home, world,
                Confirmer.fixed(false, "nobody at the controller node (irreversible calls need a person)"), StopLatch.process());
    }

    /** The world now (a task goal replaces it). */
    public World world() {
        return sim.world();
    }

    public SimWorldSession session() {
        return sim;
    }

    @Override
    public String describe() {
        World w = sim.world();
        return w.name() + " simulator (in-process, seed " + w.seed()
                + (realtimeFactor > 0 ? ", " + realtimeFactor + "x real time" : ", as fast as possible") + ")";
    }

    @Override
    public void bindTo(Session session, AgentConfig config) {
        sim.bindTo(session, config);
    }

    @Override
    public Map<String, Object> halt(String reason) {
        World w = sim.world();
        synchronized (w) {
            Map<String, Object> halted = new LinkedHashMap<>(w.halt(reason));
            w.runUntil(() -> false, SETTLE_SECONDS);
            return halted;
        }
    }

    @Override
    public void recordFinalState(EpisodeLog log) {
        sim.recordFinalState(log);
    }

    @Override
    public String problemWith(Task task) {
        String current = sim.world().name();
        return task.world().equals(current) ? null
                : "task " + task.id() + " is for the " + task.world() + " world; this robot is the " + current + " simulator";
    }

    @Override
    public void prepareFor(Task task) {
        String problem = problemWith(task);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        sim = SimWorldSession.create(task.world(), task.seed(), task.scenario(), toolsDir, safety.apply(task.world()),
                realtimeFactor);
    }

    @Override
    public Predicate<String> successCheck(Task task) {
        World w = sim.world();
        return answer -> {
            synchronized (w) {
                return task.check().evaluate(w.state(), answer).passed();
            }
        };
    }
}
