package io.codeact.bridge.launch;

import io.codeact.bridge.bind.mqtt.MqttDeviceLink;
import io.codeact.bridge.bind.mqtt.MqttRobotSession;
import io.codeact.bridge.bind.mqtt.DiscoverySession;
import io.codeact.bridge.safety.Confirmer;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.safety.RobotSession;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.safety.StopLatch;
import io.codeact.bridge.sim.node.MqttWorldSession;
import io.codeact.bridge.tools.ros.RosWorldSession;
import java.util.Map;
import java.util.function.Function;

import io.codeact.bridge.agent.Agent;
import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.agent.Outcome;
import io.codeact.bridge.agent.TurnListener;
import io.codeact.bridge.eval.OracleChatModel;
import io.codeact.bridge.eval.Task;
import io.codeact.bridge.eval.TaskException;
import io.codeact.bridge.eval.TaskSuite;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.llm.ChatModels;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * One episode as {@code codeact run} and the launch node type {@code agent} run it: a goal in words or a
 * task from {@code simulations/tasks}, a model, optionally a simulated world bound in-process, a sandbox
 * session, and the JSONL episode log. {@link #prepare} checks everything that can be checked before
 * anything runs; {@link #run} runs the episode on the calling thread; {@link #cancel} stops it from another.
 *
 * <pre>{@code
 * EpisodeRunner episode = EpisodeRunner.prepare(s -> { s.task = "warehouse-dock"; s.model = "oracle"; });
 * EpisodeResult result = episode.run(TurnListener.NONE);
 * }</pre>
 */
public final class EpisodeRunner {
    /** What to run; public fields, set in {@link #prepare}'s configurer. */
    public static final class Settings {
        /** The goal in words; exactly one of goal and task. */
        public String goal;
        /** A task id from {@code <home>/simulations/tasks}: its world, seed, scenario, goal, turn budget and check. */
        public String task;
        /** A model spec (docs/MODELS.md); {@code oracle} replays the task's reference solution. */
        public String model;
        public String baseUrl;
        public boolean stream = true;
        /** A simulated world to act in (ignored with a task, which names its own), or null for none. */
        public String world;
        public long seed = 7;
        public String mode = "code";
        public int maxTurns = 12;
        public long tokenBudget = 0;
        public Duration timeBudget;
        public Duration actionTimeout = Duration.ofSeconds(10);
        /** The episode log; when null, {@code <logDir>/<time>-<logName or task or goal>.jsonl}. */
        public Path log;
        public Path logDir = Path.of("episodes");
        public String logName;
        /** Extra text for the system prompt (what the robot is, where it is). */
        public String context = "";
        /** The checkout: robot-tools/, simulations/tasks, robot-tools/python helpers, safety/. */
        public Path home = Path.of(".");
        /**
         * The safety layer for a world (its name given): by default {@code <home>/safety/<world>.yaml} when
         * it exists, irreversible calls denied (nobody to ask), this process's stop latch.
         */
        public Function<String, SafetySettings> safety;
        /**
         * How the world's APIs reach it: {@code sim} (in-process), {@code mqtt} (through a broker to a
         * simulator node in this process, or with {@link #device} to that device), {@code ros} (a robot on
         * {@link #master}) or {@code ha} (no world: the devices Home Assistant MQTT discovery announces on
         * {@link #broker}, default {@code mqtt://localhost:1883}).
         */
        public String binding = "sim";
        /**
         * With binding {@code mqtt}: the broker URL (null: this process's embedded broker; required with a
         * {@link #device}); with {@code ha}: the devices' broker.
         */
        public String broker;
        /**
         * With binding {@code mqtt}: the device to talk to on {@link #broker} (a robot, or a {@code codeact sim}
         * node elsewhere); no simulator is started. Null: a simulator node in this process.
         */
        public String device;
        /**
         * With a {@link #device} that is a simulator node in this JVM (a launch's {@code sim} node): its world,
         * read (never driven) for what-changed observations, maps, plots and the final state. Null otherwise.
         */
        public World deviceWorld;
        /** With binding {@code ros}: the master URI (null: ROS_MASTER_URI, then localhost). */
        public String master;
    }

    /** The safety file name of the Home Assistant binding: {@code <home>/safety/homeassistant.yaml} when it exists. */
    static final String HA_SAFETY = "homeassistant";

    private final Settings settings;
    private final Task task;
    private final SimWorldSession sim;
    private final SafetySettings safety;
    private final ChatModel chat;
    private final String goal;
    private final Path logFile;
    private volatile Agent agent;
    private volatile boolean cancelled;

    private EpisodeRunner(Settings settings, Task task, SimWorldSession sim, SafetySettings safety, ChatModel chat,
            String goal, Path logFile) {
        this.safety = safety;
        this.settings = settings;
        this.task = task;
        this.sim = sim;
        this.chat = chat;
        this.goal = goal;
        this.logFile = logFile;
    }

    /**
     * Resolves the task, creates the world and the model client; runs nothing.
     *
     * @throws IllegalArgumentException for an unknown or broken task, an unknown world, a missing goal, or
     *     the oracle model without a task; the message says what to do
     * @throws io.codeact.bridge.llm.ModelException (kind CONFIG) when the model spec cannot be served
     */
    public static EpisodeRunner prepare(Consumer<Settings> configure) {
        Settings s = new Settings();
        configure.accept(s);
        if ((s.goal == null) == (s.task == null)) {
            throw new IllegalArgumentException("give exactly one of a goal and a task");
        }
        if (s.model == null || s.model.isBlank()) {
            throw new IllegalArgumentException("no model given; use openai:MODEL, ollama:MODEL, anthropic:MODEL or scripted:FILE");
        }
        Task task = null;
        if (s.task != null) {
            task = findTask(s.home, s.task);
        }
        if (!s.binding.equals("sim") && !s.binding.equals("mqtt") && !s.binding.equals("ros") && !s.binding.equals("ha")) {
            throw new IllegalArgumentException("unknown binding '" + s.binding + "'; use sim, mqtt, ros or ha");
        }
        if (s.binding.equals("ha") && (task != null || s.world != null)) {
            throw new IllegalArgumentException("binding ha takes its APIs from Home Assistant discovery: give a goal, no world or task");
        }
        String world = task != null ? task.world() : s.world;
        if (s.binding.equals("ros") && world == null) {
            throw new IllegalArgumentException("binding ros needs a world: which robot-tools declarations to bind");
        }
        SafetySettings safety = s.binding.equals("ha")
                ? (s.safety != null ? s.safety.apply(HA_SAFETY) : SafetySettings.forWorld(s.home, HA_SAFETY,
                        Confirmer.fixed(false, "nobody (no person to ask)"), StopLatch.process()))
                : world == null ? null
                : s.safety != null ? s.safety.apply(world)
                : SafetySettings.forWorld(s.home, world, Confirmer.fixed(false, "nobody (no person to ask)"), StopLatch.process());
        if (s.binding.equals("ha") && safety.dryRun()) {
            throw new IllegalArgumentException("a dry run runs on a simulator's APIs; discovered devices have none (binding ha)");
        }
        boolean toDevice = s.binding.equals("mqtt") && s.device != null;
        if (toDevice && (s.broker == null || s.broker.isBlank())) {
            throw new IllegalArgumentException("binding mqtt with device " + s.device + " needs the broker URL the device talks to");
        }
        if (task != null && (s.binding.equals("ros") || toDevice) && !safety.dryRun()) {
            throw new IllegalArgumentException("a task sets up its scenario in a simulator of its own and its check reads that "
                    + "simulator's state; it cannot run with binding " + s.binding + (toDevice ? " to device " + s.device : "")
                    + " (use binding sim, or mqtt without a device)");
        }
        if (world == null && toDevice) {
            throw new IllegalArgumentException("binding mqtt to device " + s.device + " needs a world: which robot-tools declarations to bind");
        }
        if (s.deviceWorld != null && world != null && !s.deviceWorld.name().equals(world)) {
            throw new IllegalArgumentException("device " + s.device + " simulates the " + s.deviceWorld.name()
                    + " world, but the episode binds the " + world + " declarations");
        }
        boolean inProcess = world != null && (s.binding.equals("sim") || safety.dryRun());
        long seed = task != null ? task.seed() : s.seed;
        Map<String, ?> scenario = task != null ? task.scenario() : Map.of();
        SimWorldSession sim = world == null || (s.binding.equals("ros") || toDevice && s.deviceWorld == null) && !inProcess ? null
                : inProcess ? SimWorldSession.create(world, seed, scenario, s.home.resolve("robot-tools"), safety)
                : toDevice ? boundToDevice(s, world, safety)
                : MqttWorldSession.create(world, seed, scenario, s.home.resolve("robot-tools"),
                        o -> o.brokerUrl(s.broker).safety(safety));
        if (s.model.equals("oracle") && task == null) {
            throw new IllegalArgumentException("--model oracle replays a task's reference solution; give a task");
        }
        ChatModel chat = task != null && s.model.equals("oracle") ? new OracleChatModel(task)
                : ChatModels.fromSpec(s.model, c -> {
                    if (s.baseUrl != null && !s.baseUrl.isBlank()) {
                        c.baseUrl(s.baseUrl);
                    }
                    if (!s.stream) {
                        c.stream(false);
                    }
                });
        String goal = task != null ? task.goal() : s.goal;
        Path log = s.log != null ? s.log
                : defaultLogFile(s.logDir, s.logName != null ? s.logName : task != null ? task.id() : goal);
        return new EpisodeRunner(s, task, sim, safety, chat, goal, log);
    }

    /** A device in this JVM reached over MQTT, its world read for observations (a launch's sim node). */
    private static SimWorldSession boundToDevice(Settings s, String world, SafetySettings safety) {
        ToolSet tools = ToolSet.load(List.of(SimWorldSession.declarations(world, s.home.resolve("robot-tools"))));
        MqttDeviceLink link = MqttDeviceLink.connect(tools, o -> o.brokerUrl(s.broker).device(s.device));
        try {
            link.latchOnStops(safety.latch());
            return SimWorldSession.bound(s.deviceWorld, tools, link.invoker(), link::waitSeconds, link, safety, link::halt);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /**
     * A task of {@code <home>/simulations/tasks} by id.
     *
     * @throws IllegalArgumentException when the suite cannot be read or has no such task
     */
    public static Task findTask(Path home, String id) {
        try {
            return TaskSuite.load(home.resolve("simulations/tasks")).find(id).orElseThrow(() -> new IllegalArgumentException(
                    "unknown task '" + id + "' in simulations/tasks; `codeact eval --help` runs suites"));
        } catch (TaskException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code dir/<yyyyMMdd-HHmmss>-<slug of name>.jsonl}. */
    public static Path defaultLogFile(Path dir, String name) {
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        slug = slug.length() > 40 ? slug.substring(0, 40) : slug;
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return dir.resolve(time + "-" + (slug.isEmpty() ? "episode" : slug) + ".jsonl");
    }

    public ChatModel chat() {
        return chat;
    }

    /** The goal text (the task's, for a task). */
    public String goal() {
        return goal;
    }

    /** The task, or null for a free goal. */
    public Task task() {
        return task;
    }

    /** The simulated world, or null when the episode acts in none. */
    public SimWorldSession world() {
        return sim;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Runs the episode to its end on this thread: a sandbox session, the agent loop, the log (with the
     * world's final state). A task's check decides {@link EpisodeResult#success()}.
     *
     * @throws IOException when the log cannot be written
     */
    public EpisodeResult run(TurnListener listener) throws IOException {
        if (logFile.getParent() != null) {
            Files.createDirectories(logFile.getParent());
        }
        try (SimWorldSession boundWorld = sim;
                SandboxEngine engine = SandboxEngine.create(c -> {
                    c.actionTimeout = settings.actionTimeout;
                    c.warmSessions = 0;
                    Path helpers = settings.home.resolve("robot-tools/python");
                    c.helperPaths.addAll(Files.isDirectory(helpers) ? List.of(helpers) : List.of());
                });
                Session session = engine.openSession("episode");
                RobotSession remote = sim != null || safety == null ? null : connectRemote();
                EpisodeLog log = EpisodeLog.open(logFile)) {
            Agent a = Agent.create(c -> {
                c.model = chat;
                c.modelSpec = settings.model;
                c.session = session;
                c.mode = settings.mode;
                c.maxTurns = settings.maxTurns;
                c.tokenBudget = settings.tokenBudget;
                c.timeBudget = settings.timeBudget;
                c.actionTimeout = settings.actionTimeout;
                c.context = settings.context == null ? "" : settings.context;
                c.log = log;
                c.listener = listener;
                if (sim != null) {
                    sim.bindTo(session, c);
                    if (settings.binding.equals("mqtt") && !safety.dryRun()) {
                        c.recordedSettings.put("binding", "mqtt");
                        if (settings.device != null) {
                            c.recordedSettings.put("broker", settings.broker);
                            c.recordedSettings.put("device", settings.device);
                        }
                    }
                } else if (remote != null) {
                    remote.bindTo(session, c);
                }
                if (task != null) {
                    c.taskId = task.id();
                    c.maxTurns = task.maxTurns();
                    c.successCheck = answer -> {
                        synchronized (sim.world()) {
                            return task.check().evaluate(sim.world().state(), answer).passed();
                        }
                    };
                }
            });
            agent = a;
            if (cancelled) {
                return new EpisodeResult(Outcome.INTERRUPTED, null, "cancelled before it started", 0, 0, 0, 0, 0, null, logFile);
            }
            EpisodeResult result = a.run(goal);
            if (sim != null) {
                sim.recordFinalState(log);
            }
            return result;
        }
    }

    /** The robot outside this process the settings name (ROS, an MQTT device, Home Assistant discovery), or null. */
    private RobotSession connectRemote() {
        Path tools = settings.home.resolve("robot-tools");
        String world = task != null ? task.world() : settings.world;
        return switch (settings.binding) {
            case "ha" -> DiscoverySession.connect(settings.broker != null ? settings.broker : "mqtt://localhost:1883",
                    o -> o.safety(safety));
            case "ros" -> RosWorldSession.connect(world, settings.master, tools, safety);
            case "mqtt" -> MqttRobotSession.connect(world, tools, o -> o.brokerUrl(settings.broker).device(settings.device), safety);
            default -> null;
        };
    }

    /** Whether a result counts as success: the task check when there is one, else a solved outcome. */
    public static boolean succeeded(EpisodeResult r) {
        return r.success() != null ? r.success() : r.outcome() == Outcome.SOLVED;
    }

    /** Stops a running episode (the model call or action in progress is interrupted); safe from any thread. */
    public void cancel() {
        cancelled = true;
        Agent a = agent;
        if (a != null) {
            a.cancel();
        }
    }
}
