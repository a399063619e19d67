package io.codeact.bridge.cli;

import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.EpisodeRecord;
import io.codeact.bridge.agent.RecordedEpisode;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code codeact replay LOG --promote TURN --binding mqtt|ros …}: sends one reviewed code action of an
 * episode (typically a {@code --dry-run} on the simulator) to the real device, once, behind the same
 * safety layer. A person confirms the code first unless {@code --yes}; the run is recorded in its own
 * episode log with every command the gate let through.
 */
final class PromoteAction {
    private final PrintWriter out;
    private final PrintWriter err;

    PromoteAction(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @SuppressWarnings("unchecked")
    int run(RecordedEpisode episode, int turn, WorldOptions world, SafetyOptions safety, boolean yes, Duration timeout)
            throws Exception {
        List<String> turns = new ArrayList<>();
        String code = null;
        for (EpisodeRecord r : episode.records()) {
            if (r.is(EpisodeRecord.ACTION)) {
                String t = String.valueOf(r.fields().get("turn"));
                turns.add(t);
                if (t.equals(String.valueOf(turn))) {
                    code = r.text("code").orElse("");
                }
            }
        }
        if (code == null) {
            err.println("codeact replay --promote: turn " + turn + " has no code action; turns with actions: "
                    + (turns.isEmpty() ? "none" : String.join(", ", turns)));
            return ExitCodes.USAGE;
        }
        Map<String, Object> config = episode.first(EpisodeRecord.EPISODE_START)
                .map(r -> (Map<String, Object>) r.fields().getOrDefault("config", Map.of())).orElse(Map.of());
        if (world.world == null && config.get("world") instanceof String w) {
            world.world = w;
        }
        String kind = world.binding.kind();
        if (kind.equals("sim") || safety.dryRun) {
            err.println("codeact replay --promote: promoting sends the action to a real device; give --binding mqtt or ros "
                    + "(use --execute to re-run it on the simulator)");
            return ExitCodes.USAGE;
        }
        out.println("Action of turn " + turn + " (" + episode.file() + "):");
        out.println("  " + code.strip().replace("\n", "\n  "));
        out.flush();
        if (!yes) {
            out.print("Send it to the " + kind + " binding of world " + world.world + "? [y/N] ");
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
                out.println("Not sent.");
                return ExitCodes.FAILURE;
            }
        }
        Path logFile = Path.of("episodes", java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-promoted-turn-" + turn + ".jsonl");
        Files.createDirectories(logFile.getParent());
        try (SafetyOptions.StopListener control = SafetyOptions.listenForStop(err);
                SimWorldSession sim = world.create(safety, null);
                io.codeact.bridge.safety.RobotSession ros = world.connectRemote(safety, null);
                SandboxEngine engine = Home.oneShotSandbox(timeout);
                Session session = engine.openSession("promote");
                EpisodeLog log = EpisodeLog.open(logFile)) {
            log.episodeStart("promoted action of turn " + turn + " from " + episode.file(), "none (a person promoted it)",
                    "code", null, Map.of("world", world.world, "binding", kind));
            if (sim != null) {
                sim.exposeIn(session);
                sim.safety().attach(log);
            }
            if (ros != null) {
                ros.exposeIn(session);
                ros.safety().attach(log);
            }
            ActionResult r = session.execute(code, timeout);
            if (!r.stdout().isEmpty()) {
                out.print(r.stdout());
            }
            if (r.error() != null) {
                err.println(r.error().traceback().isBlank() ? r.error().type() + ": " + r.error().message() : r.error().traceback());
            }
            if (r.status() != io.codeact.bridge.sandbox.ActionStatus.OK) {
                if (sim != null) {
                    sim.safety().haltMotion("promoted action ended with " + r.status());
                }
                if (ros != null) {
                    ros.safety().haltMotion("promoted action ended with " + r.status());
                }
            }
            log.episodeEnd(r.status() == io.codeact.bridge.sandbox.ActionStatus.OK ? "solved" : "interrupted", 1, null);
            out.println("Promoted action: " + r.status().jsonName() + "; record: " + logFile);
            return r.status() == io.codeact.bridge.sandbox.ActionStatus.OK ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
