package io.codeact.bridge.cli;

import io.codeact.bridge.agent.Agent;
import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.safety.StopLatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code codeact chat}: the user gives a goal, watches the turns stream, and corrects the agent; the
 * agent continues in the same session, with its variables. Ctrl-C during a turn is the emergency stop
 * (halts every actuator, latches, interrupts the turn; not the program); {@code /stop} and
 * {@code /resume NAME} between turns; {@code /new} starts a new episode, {@code /quit} or end of input leaves.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Chat with the agent: give a goal, watch turns stream, correct it as it goes.",
            "Ctrl-C during a turn is an emergency stop: it halts every actuator, latches and interrupts the turn;",
            "/stop does the same between turns, /resume NAME lets motion go on; /new starts a new episode; /quit leaves."})
final class ChatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    EpisodeOptions episode;

    @Mixin
    WorldOptions worldOptions;

    @Mixin
    SafetyOptions safety;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ChatModel chat = model.create();
        AtomicReference<Agent> running = new AtomicReference<>();
        installInterrupt(running, out);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("model: " + chat.name());
        out.println("Type a goal. Corrections continue the same episode; /new starts over; /quit leaves.");
        out.println("/stop halts every actuator (emergency stop); /resume NAME lets motion go on, by the person named.");
        StopLatch latch = StopLatch.process();
        try (SafetyOptions.StopListener control = SafetyOptions.listenForStop(spec.commandLine().getErr());
                SandboxEngine engine = SandboxEngine.create(c -> {
            c.actionTimeout = episode.actionTimeout();
            c.helperPaths.addAll(Home.helperPaths());
        })) {
            Agent agent = null;
            Session session = null;
            EpisodeLog log = null;
            io.codeact.bridge.sim.inprocess.SimWorldSession world = null;
            io.codeact.bridge.safety.RobotSession remote = null;
            io.codeact.bridge.bind.mqtt.DiscoverySession devices = null;
            try {
                while (true) {
                    out.print("\nyou> ");
                    out.flush();
                    String line = in.readLine();
                    if (line == null || line.strip().equals("/quit")) {
                        break;
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    if (line.strip().equals("/stop")) {
                        latch.stop(System.getProperty("user.name", "operator") + " (chat /stop)");
                        out.println("(STOPPED: every actuator halted; motion is refused until /resume NAME)");
                        continue;
                    }
                    if (line.strip().startsWith("/resume")) {
                        String who = line.strip().substring("/resume".length()).strip();
                        if (who.isEmpty()) {
                            out.println("(/resume needs your name, e.g. /resume alice)");
                        } else {
                            latch.resume(who);
                            out.println("(resumed by " + who + ")");
                        }
                        continue;
                    }
                    if (line.strip().equals("/new")) {
                        agent = null;
                        out.println("(new episode: the session and its variables are reset)");
                        continue;
                    }
                    if (agent == null) {
                        if (session != null) {
                            session.close();
                            log.close();
                        }
                        if (world != null) {
                            world.close();
                            world = null;
                        }
                        if (remote != null) {
                            remote.close();
                            remote = null;
                        }
                        if (devices != null) {
                            devices.close();
                            devices = null;
                        }
                        Path file = episode.logFile(line);
                        if (file.getParent() != null) {
                            Files.createDirectories(file.getParent());
                        }
                        session = engine.openSession("chat");
                        io.codeact.bridge.sim.inprocess.SimWorldSession sim = worldOptions.create(safety, null);
                        world = sim;
                        io.codeact.bridge.safety.RobotSession robot = worldOptions.connectRemote(safety, null);
                        remote = robot;
                        io.codeact.bridge.bind.mqtt.DiscoverySession ha = worldOptions.connectHa(safety, null);
                        devices = ha;
                        log = EpisodeLog.open(file);
                        Session s = session;
                        EpisodeLog l = log;
                        agent = Agent.create(c -> {
                            c.model = chat;
                            c.modelSpec = model.spec;
                            c.session = s;
                            episode.applyTo(c);
                            c.log = l;
                            c.listener = new ConsoleListener(out, false);
                            WorldOptions.bind(sim, s, c);
                            if (robot != null) {
                                robot.bindTo(s, c);
                            } else if (ha != null) {
                                ha.bindTo(s, c);
                            }
                        });
                        running.set(agent);
                        agent.run(line);
                    } else {
                        running.set(agent);
                        agent.continueWith(line);
                    }
                    running.set(null);
                }
            } finally {
                if (session != null) {
                    session.close();
                    log.close();
                }
                if (world != null) {
                    world.close();
                }
                if (remote != null) {
                    remote.close();
                }
                if (devices != null) {
                    devices.close();
                }
            }
        }
        return ExitCodes.OK;
    }

    @SuppressWarnings("restriction")
    private static void installInterrupt(AtomicReference<Agent> running, PrintWriter out) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                Agent agent = running.get();
                if (agent == null) {
                    System.exit(ExitCodes.INTERRUPTED);
                }
                // Ctrl-C during a turn is the chat's emergency stop: halt everything now, latch, end the turn
                StopLatch.process().stop(System.getProperty("user.name", "operator") + " (chat Ctrl-C)");
                out.println("\n(STOPPED: every actuator halted and the turn interrupted; motion is refused until /resume NAME)");
                agent.cancel();
            });
        } catch (IllegalArgumentException e) {
            // no SIGINT on this platform: Ctrl-C ends the program as usual
        }
    }
}
