package io.codeact.bridge.cli;

import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.agent.TurnListener;
import io.codeact.bridge.launch.AgentConsole;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import java.io.PrintWriter;

/**
 * Shows a launched agent's episode in the terminal, as {@code codeact run} does: the model, goal and world,
 * each reply as it streams, each action's output, what changed in the world, and with {@code live_map}
 * a text map of the warehouse after each action.
 */
final class LaunchConsole implements AgentConsole {
    private final PrintWriter out;

    LaunchConsole(PrintWriter out) {
        this.out = out;
    }

    @Override
    public TurnListener open(View view) {
        SimWorldSession sim = view.episode().world();
        boolean map = view.liveMap() && sim != null && sim.world().name().equals("warehouse");
        synchronized (out) {
            out.println("model: " + view.episode().chat().name());
            if (sim != null) {
                out.printf("world: %s simulator (in-process, seed %d); robot APIs from robot-tools/%s.yaml%n",
                        sim.world().name(), sim.world().seed(), sim.world().name());
            }
            out.println("goal:  " + view.episode().goal());
            if (map) {
                out.print(mapOf(sim));
            }
            out.flush();
        }
        ConsoleListener console = new ConsoleListener(out, false);
        return new TurnListener() {
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
                if (map) {
                    out.print(mapOf(sim));
                    out.flush();
                }
            }

            @Override
            public void onObservation(int turn, String observation) {
                observation.lines().filter(l -> l.startsWith("[during the action]")).forEach(l -> out.println("  " + l));
                out.flush();
            }

            @Override
            public void onEnd(EpisodeResult r) {
                console.onEnd(r);
            }
        };
    }

    private static String mapOf(SimWorldSession sim) {
        synchronized (sim.world()) {
            return WarehouseMapView.render(sim.world().state());
        }
    }
}
