package io.codeact.bridge.node;

import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.eval.Task;
import io.codeact.bridge.eval.TaskSuite;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.sandbox.SandboxEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-neutral core of the controller node, for one robot: goals run one at a time, each as an
 * episode in its own sandbox session ({@link EpisodeRunner}); goals that arrive while one runs wait in a
 * bounded queue, or are refused with a reason when it is full. Every goal ends with exactly one
 * {@link GoalResult} to the {@link NodeListener}s, refused and cancelled ones included.
 *
 * <p>{@link #cancel} stops the running episode at once and halts all motion ({@link #haltMotion}); a queued
 * goal is just removed. Thread-safe: submit and cancel from any thread (transport callbacks); episodes run on
 * the controller's own worker thread.
 *
 * <pre>{@code
 * RobotController robot = RobotController.start(c -> {
 *     c.robot = "robot";
 *     c.binding = SimulatedRobot.create("warehouse", 7, Path.of("robot-tools"), 1.0);
 *     c.engine = engine;
 *     c.modelSpec = "scripted:replies.yaml";
 *     c.models = task -> ChatModels.fromSpec("scripted:replies.yaml");
 * });
 * robot.addListener(new NodeListener() { public void onResult(GoalResult r) { System.out.println(r); } });
 * robot.submit(Goal.of("g1", "Dock the robot."));
 * }</pre>
 */
public final class RobotController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RobotController.class);

    /** Makes the chat model for one goal (a fresh one per episode: scripted and oracle models keep a position). */
    @FunctionalInterface
    public interface ModelFactory {
        /** @param task the goal's task, or null for a goal in words */
        ChatModel create(Task task);
    }

    /** What a controller needs; {@code binding}, {@code engine}, {@code models} and {@code modelSpec} are required. */
    public static final class Config {
        /** The robot's name: a single topic level ({@code robot}, {@code r1}). */
        public String robot = "robot";
        public RobotBinding binding;
        /** Where episodes' sessions come from; the caller closes it after the controller. */
        public SandboxEngine engine;
        public ModelFactory models;
        /** The model spec as given ({@code oracle} makes task ids required), for the record. */
        public String modelSpec;
        public EpisodeSettings settings = EpisodeSettings.DEFAULTS;
        /** Goals that may wait while one runs. */
        public int queueCapacity = 4;
        /** Where episode logs go: {@code <logDir>/<time>-<robot>-<goal_id>.jsonl}. */
        public Path logDir = Path.of("episodes");
        /** Tasks that goals may name; null: task goals are refused. */
        public TaskSuite tasks;
        public Clock clock = Clock.systemUTC();
    }

    /**
     * What became of a submitted goal.
     *
     * @param accepted whether it will run
     * @param position 0 when it runs now, n when n-th in the queue; -1 when refused
     * @param reason why it was refused, or null
     */
    public record Admission(boolean accepted, int position, String reason) {}

    private final Config config;
    private final List<NodeListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Deque<Goal> queue = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final Thread worker;
    private Goal current;
    private EpisodeRunner runner;
    private String cancelledBy;
    private boolean closed;

    private RobotController(Config config) {
        this.config = config;
        this.worker = Thread.ofPlatform().name("controller-" + config.robot).daemon(true).unstarted(this::work);
    }

    /**
     * Checks the configuration and starts the worker thread.
     *
     * @throws IllegalArgumentException naming the bad setting
     */
    public static RobotController start(Consumer<Config> configure) {
        Config c = new Config();
        configure.accept(c);
        Objects.requireNonNull(c.binding, "RobotController.Config.binding is required");
        Objects.requireNonNull(c.engine, "RobotController.Config.engine is required");
        Objects.requireNonNull(c.models, "RobotController.Config.models is required");
        Objects.requireNonNull(c.modelSpec, "RobotController.Config.modelSpec is required");
        Objects.requireNonNull(c.settings, "RobotController.Config.settings is required");
        if (c.robot == null || !c.robot.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("robot name must be letters, digits and '_', starting with a letter (one topic level and a ROS"
                    + " name), got '" + c.robot + "'");
        }
        if (c.queueCapacity < 0 || c.queueCapacity > 1000) {
            throw new IllegalArgumentException("queue size must be 0..1000 goals, got " + c.queueCapacity);
        }
        RobotController controller = new RobotController(c);
        controller.worker.start();
        return controller;
    }

    public String robot() {
        return config.robot;
    }

    public RobotBinding binding() {
        return config.binding;
    }

    public void addListener(NodeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(NodeListener listener) {
        listeners.remove(listener);
    }

    /** An id for a goal sent without one: {@code <robot>-<n>}. */
    public String newGoalId() {
        return config.robot + "-" + ids.incrementAndGet();
    }

    /**
     * Runs the goal now, or queues it, or refuses it (queue full, duplicate id, unknown task, a task this
     * robot cannot run, a goal in words for the oracle model, controller closed). A refused goal gets its
     * {@code rejected} result at once.
     */
    public Admission submit(Goal goal) {
        String problem = problemWith(goal);
        Admission admission;
        synchronized (lock) {
            if (problem == null) {
                problem = problemWithQueue(goal);
            }
            if (problem == null) {
                queue.addLast(goal);
                admission = new Admission(true, current == null && queue.size() == 1 ? 0 : queue.size(), null);
                lock.notifyAll();
            } else {
                admission = new Admission(false, -1, problem);
            }
        }
        if (admission.accepted()) {
            LOG.info("{}: goal {} accepted from {} ({}): {}", config.robot, goal.goalId(), goal.source(),
                    admission.position() == 0 ? "runs now" : "queued at " + admission.position(), goal.describe());
            publishStatus();
        } else {
            reject(goal.goalId(), problem);
        }
        return admission;
    }

    /** Answers a goal that cannot run (malformed message) with a {@code rejected} result. */
    public void reject(String goalId, String reason) {
        LOG.warn("{}: goal {} rejected: {}", config.robot, goalId, reason);
        emitResult(GoalResult.rejected(goalId, reason));
    }

    /**
     * Cancels a goal: the running one is stopped at once and all motion halted ({@link #haltMotion}); a queued
     * one is removed. May block briefly while the robot halts; call it off transport callback threads.
     *
     * @param goalId the goal, or null for the running one
     * @param who who asked, for the result and the halt reason ({@code mqtt}, {@code ros}, {@code api})
     * @return whether a goal was found to cancel
     */
    public boolean cancel(String goalId, String who) {
        Goal removed = null;
        EpisodeRunner running = null;
        synchronized (lock) {
            if (current != null && (goalId == null || goalId.equals(current.goalId()))) {
                if (cancelledBy == null) {
                    cancelledBy = who;
                }
                running = runner;
            } else if (goalId != null) {
                for (Goal g : queue) {
                    if (g.goalId().equals(goalId)) {
                        removed = g;
                        break;
                    }
                }
                queue.remove(removed);
            }
        }
        if (running != null) {
            LOG.info("{}: cancelling the running goal by {}", config.robot, who);
            running.cancel();
            haltMotion("cancel by " + who);
            publishStatus();
            return true;
        }
        if (removed != null) {
            LOG.info("{}: queued goal {} cancelled by {}", config.robot, removed.goalId(), who);
            emitResult(GoalResult.cancelledInQueue(removed.goalId(), who));
            publishStatus();
            return true;
        }
        LOG.warn("{}: cancel by {} of {}: no such goal is running or queued", config.robot, who,
                goalId == null ? "the running goal" : "goal " + goalId);
        return false;
    }

    /** Cancels every queued goal received at or before {@code before} (null: all), then the running one. */
    public int cancelAll(java.time.Instant before, String who) {
        List<Goal> removed = new ArrayList<>();
        String running = null;
        synchronized (lock) {
            for (Goal g : queue) {
                if (before == null || !g.received().isAfter(before)) {
                    removed.add(g);
                }
            }
            queue.removeAll(removed);
            if (current != null && (before == null || !current.received().isAfter(before))) {
                running = current.goalId();
            }
        }
        for (Goal g : removed) {
            emitResult(GoalResult.cancelledInQueue(g.goalId(), who));
        }
        int n = removed.size();
        if (running != null && cancel(running, who)) {
            n++;
        } else if (n > 0) {
            publishStatus();
        }
        return n;
    }

    /**
     * The stop: halts all motion of this robot now, whatever is running. Every stop the node makes (cancel,
     * shutdown) goes through here.
     *
     * @return what was halted, for logs
     */
    public Map<String, Object> haltMotion(String reason) {
        Map<String, Object> halted = config.binding.halt(reason);
        LOG.info("{}: halted ({}): {}", config.robot, reason, halted);
        return halted;
    }

    public NodeStatus status() {
        synchronized (lock) {
            return new NodeStatus(config.robot, current, current == null ? null : cancelledBy, List.copyOf(queue),
                    config.queueCapacity, config.clock.instant());
        }
    }

    /** Goals that have ended (with any outcome, refused ones included) since start. */
    public long completedGoals() {
        return completed.get();
    }

    /** Whether the worker thread is alive (it only ends on {@link #close()}). */
    public boolean isRunning() {
        return worker.isAlive();
    }

    /**
     * Stops taking goals, cancels the queued ones and the running one (halting motion), and waits up to 30 s
     * for the worker to finish its episode. Idempotent.
     */
    @Override
    public void close() {
        List<Goal> dropped;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            dropped = new ArrayList<>(queue);
            queue.clear();
            lock.notifyAll();
        }
        for (Goal g : dropped) {
            emitResult(GoalResult.cancelledInQueue(g.goalId(), "shutdown"));
        }
        cancel(null, "shutdown");
        try {
            worker.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn("{}: the running episode did not end within 30 s of shutdown", config.robot);
        }
    }

    private String problemWith(Goal goal) {
        if (goal.task() != null) {
            if (config.tasks == null) {
                return "field 'task': this node has no task suite; send the goal in words as 'text'";
            }
            Task task = config.tasks.find(goal.task()).orElse(null);
            if (task == null) {
                return "field 'task': unknown task '" + goal.task() + "' (the tasks are in simulations/tasks; `codeact eval"
                        + " --help` lists how to run them)";
            }
            String problem = config.binding.problemWith(task);
            if (problem != null) {
                return "field 'task': " + problem;
            }
        } else if (config.modelSpec.equals("oracle")) {
            return "field 'text': this node's model is the oracle, which replays a task's reference solution; send 'task'"
                    + " with a task id instead of a goal in words";
        }
        return null;
    }

    private String problemWithQueue(Goal goal) {
        if (closed) {
            return "the controller of " + config.robot + " is shutting down";
        }
        if (current != null && current.goalId().equals(goal.goalId())) {
            return "field 'goal_id': goal '" + goal.goalId() + "' is already running; use a new id for a new goal";
        }
        if (queue.stream().anyMatch(g -> g.goalId().equals(goal.goalId()))) {
            return "field 'goal_id': goal '" + goal.goalId() + "' is already queued; use a new id for a new goal";
        }
        // the head of the queue is about to run when nothing runs yet: it does not count as waiting
        int waiting = current != null ? queue.size() : Math.max(0, queue.size() - 1);
        if ((current != null || !queue.isEmpty()) && waiting >= config.queueCapacity) {
            return "queue full: " + (current == null ? "a goal is starting" : "goal '" + current.goalId() + "' is running")
                    + " and " + waiting + " goal" + (waiting == 1 ? " is" : "s are") + " waiting (the limit is "
                    + config.queueCapacity + "); send it again later, cancel a queued goal, or start the node with a larger --queue";
        }
        return null;
    }

    private void work() {
        while (true) {
            Goal goal;
            EpisodeRunner episode = new EpisodeRunner();
            synchronized (lock) {
                while (queue.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // only close() stops the worker
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                goal = queue.removeFirst();
                current = goal;
                runner = episode;
                cancelledBy = null;
            }
            publishStatus();
            GoalResult result = run(goal, episode);
            synchronized (lock) {
                current = null;
                runner = null;
            }
            Thread.interrupted(); // a cancel that raced the episode's end must not reach the next goal
            emitResult(result);
            publishStatus();
        }
    }

    private GoalResult run(Goal goal, EpisodeRunner episode) {
        Path logFile = config.logDir.resolve(LocalDateTime.now(config.clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + config.robot + "-" + slug(goal.goalId()) + ".jsonl");
        try {
            Task task = goal.task() == null ? null : config.tasks.find(goal.task()).orElseThrow();
            if (task != null) {
                config.binding.prepareFor(task);
            }
            Integer turns = goal.maxTurns() != null ? goal.maxTurns() : task != null ? Integer.valueOf(task.maxTurns()) : null;
            EpisodeSettings settings = config.settings.withBudgets(turns, goal.timeBudgetSeconds(), goal.tokenBudget());
            ChatModel model = config.models.create(task);
            LOG.info("{}: goal {} starts; log {}", config.robot, goal.goalId(), logFile);
            EpisodeResult r = episode.run(config.engine, new EpisodeRunner.Plan(task != null ? task.goal() : goal.text(), task,
                    model, config.modelSpec, settings, config.binding, logFile, new FeedbackRelay(goal.goalId(), this::emitFeedback)));
            String who;
            synchronized (lock) {
                who = cancelledBy;
            }
            if (who != null) {
                // the action may have started a new motion between the halt and the interrupt: nothing moves after a cancel
                haltMotion("cancel by " + who);
            }
            return GoalResult.of(goal.goalId(), r, who);
        } catch (Exception | LinkageError e) {
            LOG.error("{}: goal {} failed in the node", config.robot, goal.goalId(), e);
            String who;
            synchronized (lock) {
                who = cancelledBy;
            }
            if (who != null) {
                haltMotion("cancel by " + who);
            }
            return new GoalResult(goal.goalId(), GoalResult.ERROR, false, null, 0, 0, 0, logFile,
                    "the node failed to run the goal: " + e.getMessage());
        }
    }

    private static String slug(String id) {
        String s = id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        s = s.length() > 40 ? s.substring(0, 40) : s;
        return s.isEmpty() ? "goal" : s;
    }

    private void emitFeedback(GoalFeedback feedback) {
        for (NodeListener l : listeners) {
            try {
                l.onFeedback(feedback);
            } catch (RuntimeException e) {
                LOG.warn("{}: a listener failed on feedback of goal {}", config.robot, feedback.goalId(), e);
            }
        }
    }

    private void emitResult(GoalResult result) {
        completed.incrementAndGet();
        LOG.info("{}: goal {} ended: {}{}", config.robot, result.goalId(), result.outcome(),
                result.error() == null ? "" : " (" + result.error() + ")");
        for (NodeListener l : listeners) {
            try {
                l.onResult(result);
            } catch (RuntimeException e) {
                LOG.warn("{}: a listener failed on the result of goal {}", config.robot, result.goalId(), e);
            }
        }
    }

    private void publishStatus() {
        NodeStatus status = status();
        for (NodeListener l : listeners) {
            try {
                l.onStatus(status);
            } catch (RuntimeException e) {
                LOG.warn("{}: a listener failed on status", config.robot, e);
            }
        }
    }
}
