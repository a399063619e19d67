package io.codeact.bridge.node;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a controller reports, for tests to await: results, feedback and status, in order. */
final class Results implements NodeListener {
    final LinkedBlockingQueue<GoalResult> results = new LinkedBlockingQueue<>();
    final List<GoalFeedback> feedback = new CopyOnWriteArrayList<>();
    final List<NodeStatus> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void onFeedback(GoalFeedback f) {
        feedback.add(f);
    }

    @Override
    public void onResult(GoalResult r) {
        results.add(r);
    }

    @Override
    public void onStatus(NodeStatus s) {
        statuses.add(s);
    }

    /** The next result, waiting at most {@code seconds}. */
    GoalResult next(int seconds) throws InterruptedException {
        GoalResult r = results.poll(seconds, TimeUnit.SECONDS);
        if (r == null) {
            fail("no goal result within " + seconds + " s; feedback so far: " + feedback);
        }
        return r;
    }
}
