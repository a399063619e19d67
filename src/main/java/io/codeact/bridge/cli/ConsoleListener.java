package io.codeact.bridge.cli;

import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.agent.TurnListener;
import io.codeact.bridge.sandbox.ActionResult;
import java.io.PrintWriter;

/** Prints an episode as it happens: the reply streaming in, each action's result, the outcome. */
final class ConsoleListener implements TurnListener {
    private final PrintWriter out;
    private final boolean quiet;
    private int lastTurn;

    ConsoleListener(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public void onToken(int turn, String piece) {
        if (quiet) {
            return;
        }
        if (turn != lastTurn) {
            lastTurn = turn;
            out.printf("%n── turn %d ── model%n", turn);
        }
        out.print(piece);
        out.flush();
    }

    @Override
    public void onReply(int turn, String reply) {
        if (!quiet) {
            out.println();
        }
    }

    @Override
    public void onResult(int turn, ActionResult r) {
        if (quiet) {
            return;
        }
        out.printf("── turn %d ── action: %s in %.0f ms%n", turn, r.status().jsonName(), r.durationMillis());
        out.print(r.stdout());
        if (r.error() != null) {
            out.print(r.error().traceback().isEmpty() ? r.error().summary() + "\n" : r.error().traceback());
        }
        out.flush();
    }

    @Override
    public void onEnd(EpisodeResult r) {
        if (quiet) {
            return;
        }
        out.printf("%n── %s after %d turns (%d actions, %d errors, %d tokens)%s%n", r.outcome().wireName(), r.turns(),
                r.actions(), r.errors(), r.tokens(), r.detail() == null ? "" : ": " + r.detail());
        if (r.answer() != null) {
            out.println("answer: " + r.answer());
        }
        if (r.log() != null) {
            out.println("log: " + r.log());
        }
        out.flush();
    }
}
