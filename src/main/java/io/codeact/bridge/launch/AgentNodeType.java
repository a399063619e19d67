package io.codeact.bridge.launch;

import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.llm.ModelException;
import io.codeact.bridge.llm.ModelSpec;
import io.codeact.bridge.node.NodeOptions;
import io.codeact.bridge.safety.SafetyFileException;
import io.codeact.bridge.safety.SafetyPolicy;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code agent}: one episode, as {@code codeact run} runs it ({@link EpisodeRunner}): a goal or a task, a
 * model, a world bound in-process, through a simulator node over MQTT, to a device on a broker
 * ({@code binding: mqtt}, {@code device}) or over ROS, behind the safety layer of its {@code safety} file with
 * a fixed {@code confirm} answer (a launch has no terminal); budgets and the episode log. With {@code sim_node}
 * the device is a {@code sim} node of the same launch whose world (from the {@link LaunchDirectory}) is read for
 * the live map, the plot and the what-changed observations, while every command still crosses the broker. The node ends with the
 * episode: successfully when it is solved (or the task check passes). Stopping cancels the episode.
 */
final class AgentNodeType implements NodeType {
    private static final Set<String> MODES = Set.of("code", "json", "text");

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public String doc() {
        return "one episode of the CodeAct agent, as `codeact run`";
    }

    @Override
    public List<NodeParam> params() {
        return List.of(
                NodeParam.optional("goal", NodeParam.Kind.STRING, null, "the goal in words (or task)"),
                NodeParam.optional("task", NodeParam.Kind.STRING, null, "a task id from simulations/tasks (or goal)"),
                NodeParam.required("model", NodeParam.Kind.STRING, "the model spec: openai:MODEL, ollama:MODEL, anthropic:MODEL, scripted:FILE, oracle (with task)"),
                NodeParam.optional("base_url", NodeParam.Kind.STRING, null, "the model endpoint; empty for the provider's default"),
                NodeParam.optional("stream", NodeParam.Kind.BOOL, true, "stream replies token by token"),
                NodeParam.optional("world", NodeParam.Kind.STRING, null, "a simulated world: warehouse, tabletop, smart_home (a task names its own)"),
                NodeParam.optional("seed", NodeParam.Kind.INT, 7, "the world's seed"),
                NodeParam.optional("mode", NodeParam.Kind.STRING, "code", "the action format: code, json or text"),
                NodeParam.optional("max_turns", NodeParam.Kind.INT, 12, "turn limit (a task has its own)"),
                NodeParam.optional("token_budget", NodeParam.Kind.INT, 0, "prompt + completion tokens; 0 = no limit"),
                NodeParam.optional("time_budget_s", NodeParam.Kind.NUMBER, null, "wall-clock budget of the episode, s"),
                NodeParam.optional("action_timeout_s", NodeParam.Kind.NUMBER, 10.0, "wall-clock limit per code action, s"),
                NodeParam.optional("log", NodeParam.Kind.STRING, null, "the episode log file (default: log_dir/<time>-<node>.jsonl)"),
                NodeParam.optional("log_dir", NodeParam.Kind.STRING, "episodes", "where the episode log goes when log is not given"),
                NodeParam.optional("context", NodeParam.Kind.STRING, "", "extra text for the system prompt: what the robot is, where"),
                NodeParam.optional("live_map", NodeParam.Kind.BOOL, false, "draw a text map of the world after each action (warehouse)"),
                NodeParam.optional("plot", NodeParam.Kind.BOOL, false, "write an SVG plot of the robot's path beside the log (warehouse)"),
                NodeParam.optional("binding", NodeParam.Kind.STRING, "sim",
                        "how actions reach the world: sim (in-process), mqtt (a simulator node of its own, or with device that device) or ros"),
                NodeParam.optional("broker", NodeParam.Kind.STRING, null,
                        "mqtt: the broker URL; default the launch's mqtt_broker node, else (without device) this process's embedded broker"),
                NodeParam.optional("device", NodeParam.Kind.STRING, null,
                        "mqtt: talk to this device on the broker (a robot, or a sim node) instead of starting a simulator"),
                NodeParam.optional("sim_node", NodeParam.Kind.STRING, null,
                        "with device: the sim node of this launch behind it, whose world the agent reads for maps, plots and observations"),
                NodeParam.optional("master", NodeParam.Kind.STRING, null,
                        "ros: the master URI; default the launch's roscore node, else ROS_MASTER_URI"),
                NodeParam.optional("safety", NodeParam.Kind.STRING, null,
                        "the safety file (default safety/<world>.yaml when it exists; none: the declarations' ranges only)"),
                NodeParam.optional("confirm", NodeParam.Kind.STRING, "deny", "who answers irreversible calls: deny or approve (no terminal)"));
    }

    @Override
    public void validate(NodeParams p, LaunchPlan.Source source) {
        if (p.has("goal") == p.has("task")) {
            p.problem("give exactly one of 'goal' (words) and 'task' (an id from simulations/tasks)");
        }
        String world = p.string("world");
        if (p.has("task")) {
            try {
                world = EpisodeRunner.findTask(source.home(), p.string("task")).world();
            } catch (IllegalArgumentException e) {
                p.problem("task", e.getMessage());
            }
            if (p.given("world")) {
                p.problem("world", "a task names its own world; remove 'world'");
            }
        } else if (world != null) {
            checkWorld(p, source, world);
        }
        checkModel(p, p.has("task"));
        checkBinding(p, world);
        if (!MODES.contains(p.string("mode"))) {
            p.problem("mode", "must be code, json or text, got '" + p.string("mode") + "'");
        }
        if (p.integer("max_turns") < 1) {
            p.problem("max_turns", "must be at least 1");
        }
        if (p.integer("token_budget") < 0) {
            p.problem("token_budget", "must be ≥ 0 (0 = no limit)");
        }
        if (p.has("time_budget_s") && p.number("time_budget_s") <= 0) {
            p.problem("time_budget_s", "must be a positive number of seconds");
        }
        if (p.number("action_timeout_s") <= 0) {
            p.problem("action_timeout_s", "must be a positive number of seconds");
        }
        if ((p.bool("plot") || p.bool("live_map")) && world != null && !world.equals("warehouse")) {
            p.problem(p.bool("plot") ? "plot" : "live_map", "maps and plots are drawn for the warehouse world only, not " + world);
        }
    }

    /** A known world with tool declarations in the checkout. */
    static void checkWorld(NodeParams p, LaunchPlan.Source source, String world) {
        Set<String> worlds = WorldRegistry.standard().names();
        if (!worlds.contains(world)) {
            p.problem("world", "unknown world '" + world + "'; use one of: " + String.join(", ", worlds));
        } else if (!Files.isRegularFile(source.home().resolve("robot-tools/" + world + ".yaml"))) {
            p.problem("world", "no tool declarations for world '" + world + "': expected "
                    + source.home().resolve("robot-tools/" + world + ".yaml"));
        }
    }

    /** A model spec that parses, a scripted file that exists, the oracle only with a task. */
    static void checkModel(NodeParams p, boolean task) {
        try {
            ModelSpec spec = ModelSpec.parse(p.string("model"));
            if (spec.provider() == ModelSpec.Provider.SCRIPTED && !Files.isRegularFile(Path.of(spec.target()))) {
                p.problem("model", "no such scripted reply file: " + spec.target()
                        + " (relative paths are from the working directory; write $(dirname)/… or $(home)/…)");
            }
            if (spec.provider() == ModelSpec.Provider.ORACLE && !task) {
                p.problem("model", "oracle replays a task's reference solution; give 'task', or another model");
            }
        } catch (ModelException e) {
            p.problem("model", e.getMessage());
        }
    }

    /** binding, broker, device, sim_node, master, safety and confirm fit together. */
    private static void checkBinding(NodeParams p, String world) {
        String binding = p.string("binding");
        if (!Set.of("sim", "mqtt", "ros", "ha").contains(binding)) {
            p.problem("binding", "must be sim, mqtt, ros or ha, got '" + binding + "'");
            return;
        }
        if (binding.equals("ha")) {
            // Home Assistant discovery: the APIs come from the broker's announcements, not from a world
            if (world != null || p.has("task")) {
                p.problem("binding", "binding ha takes its APIs from Home Assistant discovery: give a goal, no world or task");
            }
            if (p.given("device")) {
                p.problem("device", "applies to binding mqtt, not ha; remove it");
            }
        }
        if (p.given("broker") && !binding.equals("mqtt") && !binding.equals("ha")) {
            p.problem("broker", "applies to binding mqtt or ha, not " + binding + "; set binding: mqtt or remove it");
        }
        for (String name : List.of("device")) {
            if (p.given(name) && !binding.equals("mqtt") && !binding.equals("ha")) {
                p.problem(name, "applies to binding mqtt, not " + binding + "; set binding: mqtt or remove it");
            }
        }
        if (p.given("master") && !binding.equals("ros")) {
            p.problem("master", "applies to binding ros, not " + binding + "; set binding: ros or remove it");
        }
        if (p.given("sim_node") && !p.has("device")) {
            p.problem("sim_node", "names the sim node behind a device; give device too (binding mqtt)");
        }
        if (!binding.equals("sim") && !binding.equals("ha") && world == null) {
            p.problem("binding", "binding " + binding + " needs a world (or a task): which robot-tools declarations to bind");
        }
        if (p.has("task") && (binding.equals("ros") || p.has("device"))) {
            p.problem("task", "a task sets up its scenario in a simulator of its own and checks its state; it cannot run with binding "
                    + binding + (p.has("device") ? " to a device" : "") + " (use binding sim, or mqtt without device)");
        }
        if (p.has("device") && !p.string("device").matches("[^/+#\\s]+")) {
            p.problem("device", "must be one MQTT topic level (no '/', '+', '#' or spaces), got '" + p.string("device") + "'");
        }
        if (p.has("safety") && !p.string("safety").equals("none")) {
            Path file = Path.of(p.string("safety"));
            if (!Files.isRegularFile(file)) {
                p.problem("safety", "no such safety file: " + file
                        + " (relative paths are from the working directory; write $(dirname)/… or $(home)/…; none: no file)");
            } else {
                try {
                    SafetyPolicy.load(file);
                } catch (SafetyFileException e) {
                    p.problem("safety", e.getMessage());
                }
            }
        }
        if (!p.string("confirm").equals("approve") && !p.string("confirm").equals("deny")) {
            p.problem("confirm", "must be approve or deny (a launch has no terminal to ask), got '" + p.string("confirm") + "'");
        }
    }

    @Override
    public RunningNode start(NodeParams p, NodeContext context) {
        World deviceWorld = null;
        if (p.has("sim_node")) {
            deviceWorld = context.directory().world(p.string("sim_node")).orElseThrow(() -> new IllegalArgumentException(
                    p.where("sim_node") + ": sim_node '" + p.string("sim_node") + "' is not a running sim node of this launch; "
                            + "add it, and name it in this node's after:"));
        }
        String broker = SimNodeType.given(p, "broker") ? p.string("broker") : context.directory().broker().orElse(null);
        String master = SimNodeType.given(p, "master") ? p.string("master") : context.directory().master().orElse(null);
        World observed = deviceWorld;
        EpisodeRunner runner = EpisodeRunner.prepare(s -> {
            s.goal = p.string("goal");
            s.task = p.string("task");
            s.model = p.string("model");
            s.baseUrl = p.string("base_url");
            s.stream = p.bool("stream");
            s.world = p.string("world");
            s.seed = p.integer("seed");
            s.mode = p.string("mode");
            s.maxTurns = p.integer("max_turns").intValue();
            s.tokenBudget = p.integer("token_budget");
            s.timeBudget = p.has("time_budget_s") ? Duration.ofMillis(Math.round(p.number("time_budget_s") * 1000)) : null;
            s.actionTimeout = Duration.ofMillis(Math.round(p.number("action_timeout_s") * 1000));
            s.log = p.has("log") ? Path.of(p.string("log")) : null;
            s.logDir = Path.of(p.string("log_dir"));
            s.logName = context.node();
            s.context = p.string("context");
            s.home = context.home();
            s.binding = p.string("binding");
            s.broker = broker;
            s.device = p.string("device");
            s.deviceWorld = observed;
            s.master = master;
            s.safety = world -> NodeOptions.safetySettings(context.home(), world, p.string("safety"), p.string("confirm"),
                    "launch node " + context.node() + " (" + p.where("confirm") + ")");
        });
        CompletableFuture<NodeExit> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                EpisodeResult r = runner.run(context.console().open(new AgentConsole.View(context.node(), runner, p.bool("live_map"))));
                if (p.bool("plot") && runner.world() != null) {
                    Path svg = runner.logFile().resolveSibling(runner.logFile().getFileName().toString().replaceFirst("\\.jsonl$", "") + ".svg");
                    try {
                        // the recorded episode, as `codeact plot LOG` draws it: any world, with its safety events
                        Files.writeString(svg, io.codeact.bridge.sim.plot.EpisodePlot.render(
                                io.codeact.bridge.agent.EpisodeLog.read(runner.logFile())));
                        context.print().accept("plot: " + svg);
                    } catch (io.codeact.bridge.sim.plot.EpisodePlot.NothingToPlot e) {
                        context.print().accept("plot: none (" + e.getMessage() + ")");
                    }
                }
                boolean ok = EpisodeRunner.succeeded(r);
                String detail = r.outcome().wireName() + " after " + r.turns() + " turn(s)"
                        + (r.success() == null ? "" : ", task check " + (r.success() ? "passed" : "failed"))
                        + (ok || r.detail() == null ? "" : ": " + r.detail());
                exit.complete(new NodeExit(ok, detail, r.log() != null ? r.log() : runner.logFile()));
            } catch (Exception | Error e) {
                exit.complete(new NodeExit(false, "the episode broke off: " + e, runner.logFile()));
            }
        }, "launch-" + context.node());
        thread.setDaemon(true);
        thread.start();
        return new RunningNode() {
            @Override
            public boolean healthy() {
                return !exit.isDone();
            }

            @Override
            public CompletableFuture<NodeExit> exit() {
                return exit;
            }

            @Override
            public void stop() {
                runner.cancel();
                try {
                    thread.join(15_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public String describe() {
                return "episode log " + runner.logFile();
            }
        };
    }
}
