package io.codeact.bridge.cli;

import io.codeact.bridge.agent.Agent;
import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.agent.Outcome;
import io.codeact.bridge.agent.TurnListener;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.llm.ChatModels;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.SvgPlot;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code codeact demo}: a goal in words, the model's code actions against a simulated warehouse robot,
 * their output and a live map, an error recovered, the outcome, an SVG plot and the episode log. Offline
 * it replays recorded replies (and says so); {@code --model openai:…} uses a real model on the same set-up.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the demo: a warehouse robot in the simulator, driven by code actions.",
            "Offline it uses recorded replies (scripted model); --model openai:MODEL etc. uses a real model."})
final class DemoCommand implements Callable<Integer> {
    static final String GOAL = "Find the charging bay closest to the pickup point, dock the robot there, "
            + "and report its battery level.";
    static final String CONTEXT = """
            You control robot r1 in a simulated 20 x 12 m warehouse: shelves in two rows, a pillar and a pallet \
            in the aisles, three charging bays and named places (map.places()). Motions block until they end and \
            return a dict whose 'status' says how (reached, collision, ...); go_to drives in a straight line and \
            does not avoid obstacles.""";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "SPEC", description = "the model (default: the recorded demo replies, scripted:simulations/demo/warehouse-demo.yaml)")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "the model endpoint for --model")
    String baseUrl;

    @Option(names = "--no-map", description = "do not draw the text map after each action")
    boolean noMap;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "episodes", description = "where the log and plot go (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        String modelSpec = model != null ? model
                : "scripted:" + Home.root().resolve("simulations/demo/warehouse-demo.yaml");
        ChatModel chat = ChatModels.fromSpec(modelSpec, c -> {
            if (baseUrl != null) {
                c.baseUrl(baseUrl);
            }
        });
        Files.createDirectories(out);
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path logFile = out.resolve(stamp + "-demo.jsonl");
        Path plotFile = out.resolve(stamp + "-demo.svg");

        o.println("CodeAct Bridge demo: a language model drives a simulated warehouse robot by writing Python.");
        o.println("model: " + chat.name());
        o.println("world: warehouse simulator (in-process, seed 7); robot APIs from robot-tools/warehouse.yaml");
        o.println("goal:  " + GOAL);
        SimWorldSession sim = SimWorldSession.create("warehouse", 7, Map.of(), Home.root().resolve("robot-tools"),
                new SafetyOptions().settings("warehouse", null, io.codeact.bridge.safety.StopLatch.process()));
        if (!noMap) {
            o.print(WarehouseMapView.render(sim.world().state()));
        }
        EpisodeResult result;
        try (SandboxEngine engine = Home.oneShotSandbox(Duration.ofSeconds(30));
                Session session = engine.openSession("demo");
                EpisodeLog log = EpisodeLog.open(logFile)) {
            ConsoleListener console = new ConsoleListener(o, false);
            Agent agent = Agent.create(c -> {
                c.model = chat;
                c.modelSpec = modelSpec;
                c.session = session;
                c.context = CONTEXT;
                c.maxTurns = 10;
                c.log = log;
                WorldOptions.bind(sim, session, c);
                c.listener = new TurnListener() {
                    @Override
                    public void onToken(int turn, String piece) {
                        console.onToken(turn, piece);
                    }

                    @Override
                    public void onReply(int turn, String reply) {
                        console.onReply(turn, reply);
                    }

                    @Override
                    public void onResult(int turn, ActionResult r) {
                        console.onResult(turn, r);
                        if (!noMap) {
                            o.print(WarehouseMapView.render(sim.world().state()));
                        }
                    }

                    @Override
                    public void onObservation(int turn, String observation) {
                        observation.lines().filter(l -> l.startsWith("[during the action]"))
                                .forEach(l -> o.println("  " + l));
                    }

                    @Override
                    public void onEnd(EpisodeResult r) {
                        console.onEnd(r);
                    }
                };
            });
            result = agent.run(GOAL);
            sim.recordFinalState(log);
        }
        Files.writeString(plotFile, SvgPlot.warehouse(sim.world().state(), List.of()));
        o.println("plot: " + plotFile);
        o.flush();
        return result.outcome() == Outcome.SOLVED ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
