package io.codeact.bridge.cli;

import io.codeact.bridge.agent.EpisodeRecord;
import io.codeact.bridge.agent.RecordedEpisode;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.SandboxConfig;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code codeact replay --execute}: runs an episode's recorded code actions again, in order, in a fresh
 * session with the same simulated world and seed, and says for each whether its output matches the
 * recording. The simulators are deterministic, so a difference means the code, the world or the bridge
 * changed since the episode was recorded.
 */
final class ActionReplay {
    private final PrintWriter out;
    private final PrintWriter err;

    ActionReplay(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @SuppressWarnings("unchecked")
    int run(RecordedEpisode episode) {
        Map<String, Object> config = episode.first(EpisodeRecord.EPISODE_START)
                .map(r -> (Map<String, Object>) r.fields().getOrDefault("config", Map.of())).orElse(Map.of());
        String world = config.get("world") instanceof String w ? w : null;
        long seed = config.get("seed") instanceof Number n ? n.longValue() : 7;
        SimWorldSession sim;
        try {
            sim = world == null ? null : SimWorldSession.create(world, seed, Map.of(), Home.root().resolve("robot-tools"));
        } catch (IllegalArgumentException e) {
            err.println("codeact replay --execute: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        out.println(world == null ? "Re-running the actions in a fresh session (no simulated world recorded)"
                : "Re-running the actions against the " + world + " simulator, seed " + seed);
        int same = 0;
        int different = 0;
        int unrecorded = 0;
        List<EpisodeRecord> records = episode.records();
        try (SandboxEngine engine = Home.oneShotSandbox(SandboxConfig.defaults().actionTimeout());
                Session session = engine.openSession("replay")) {
            if (sim != null) {
                sim.exposeIn(session);
            }
            session.expose(PyApi.function("finish", "Ends the episode (no effect in a replay).",
                    List.of(io.codeact.bridge.sandbox.Param.required("answer", "")), a -> null));
            for (int i = 0; i < records.size(); i++) {
                EpisodeRecord action = records.get(i);
                if (!action.is(EpisodeRecord.ACTION)) {
                    continue;
                }
                ActionResult r = session.execute(action.text("code").orElse(""));
                Optional<String> recorded = observationAfter(records, i).flatMap(o -> o.text("stdout"));
                boolean match = recorded.map(s -> s.equals(r.stdout())).orElse(false);
                if (recorded.isEmpty()) {
                    unrecorded++;
                } else if (match) {
                    same++;
                } else {
                    different++;
                }
                out.printf("turn %s: %s in %.0f ms, output %s%n", action.fields().get("turn"), r.status().jsonName(),
                        r.durationMillis(), recorded.isEmpty() ? "(nothing recorded to compare)" : match ? "matches the recording" : "DIFFERS");
                if (!match && recorded.isPresent()) {
                    out.print("  recorded: " + recorded.get().replace("\n", "\n            ").stripTrailing() + "\n");
                    out.print("  now:      " + r.stdout().replace("\n", "\n            ").stripTrailing() + "\n");
                }
            }
        }
        out.printf("%d action(s) matched the recording, %d differed, %d had no recorded output (e.g. the last, ended by finish())%n",
                same, different, unrecorded);
        out.flush();
        return different == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static Optional<EpisodeRecord> observationAfter(List<EpisodeRecord> records, int index) {
        for (int j = index + 1; j < records.size(); j++) {
            if (records.get(j).is(EpisodeRecord.OBSERVATION)) {
                return Optional.of(records.get(j));
            }
            if (records.get(j).is(EpisodeRecord.ACTION)) {
                break;
            }
        }
        return Optional.empty();
    }
}
