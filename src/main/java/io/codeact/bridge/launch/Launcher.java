package io.codeact.bridge.launch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a {@link LaunchPlan}: starts its nodes in order, waiting for each to be healthy before the next
 * (so a node's dependants start only once it is up), supervises them (restarting per each node's
 * {@link RestartPolicy}, with a message each time), and stops them all in reverse start order when a
 * {@code required} node ends, when every node has ended, when a node cannot be brought up, or on
 * {@link #shutdown}. Messages are lines {@code [launch] …}; a node's own output lines are {@code [name] …}.
 *
 * <p>{@link #run()} blocks the calling thread; {@link #shutdown} may be called from any thread (a Ctrl-C
 * hook), and {@link #awaitStopped} waits until every node is down.
 *
 * <pre>{@code
 * Launcher.Result r = Launcher.create(plan, c -> c.out = new PrintWriter(System.out, true)).run();
 * }</pre>
 */
public final class Launcher {
    /** Where messages go and how agent episodes are shown. */
    public static final class Config {
        public PrintWriter out = new PrintWriter(System.out, true);
        public AgentConsole console = AgentConsole.NONE;
        /** How often health is polled while a node comes up. */
        public Duration poll = Duration.ofMillis(50);
    }

    /** How a launch ended. */
    public enum Ending {
        /** Required nodes (or, without any, all nodes) ended successfully. */
        COMPLETED,
        /** A required node failed, or a node could not be brought up, or every node ended and one failed. */
        FAILED,
        /** {@link #shutdown} was called (Ctrl-C). */
        INTERRUPTED
    }

    /** The ending, a sentence on why, and the episode logs the agent nodes wrote. */
    public record Result(Ending ending, String detail, List<Path> episodeLogs) {}

    private final LaunchPlan plan;
    private final Config config;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final List<Slot> started = new ArrayList<>();
    private final BlockingQueue<Exited> events = new LinkedBlockingQueue<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Path> logs = new ArrayList<>();
    private final LaunchDirectory directory = new LaunchDirectory();
    private volatile String stopReason;
    private Ending ending;
    private String detail;

    /** A node's supervision state; touched only by the thread in {@link #run}. */
    private static final class Slot {
        final NodeSpec spec;
        volatile RunningNode running;
        int restarts;
        NodeExit last;

        Slot(NodeSpec spec) {
            this.spec = spec;
        }
    }

    private record Exited(Slot slot, RunningNode node, NodeExit exit) {}

    private Launcher(LaunchPlan plan, Config config) {
        this.plan = plan;
        this.config = config;
        plan.nodes().forEach(n -> slots.put(n.name(), new Slot(n)));
    }

    public static Launcher create(LaunchPlan plan, Consumer<Config> configure) {
        Config c = new Config();
        configure.accept(c);
        return new Launcher(plan, c);
    }

    /** Runs the launch to its end (see the class comment); every node is stopped when this returns. */
    public Result run() {
        say(LaunchLoader.shown(plan.file()) + ": starting " + slots.size() + " node(s) in order: " + String.join(", ", slots.keySet()));
        try {
            for (Slot slot : slots.values()) {
                if (stopRequested.getCount() == 0 || ending != null) {
                    break;
                }
                bringUp(slot);
                drainEvents();
            }
            if (ending == null && stopRequested.getCount() > 0) {
                say("all nodes are up" + (plan.nodes().stream().anyMatch(NodeSpec::required)
                        ? "; the launch ends when a required node ends, or on Ctrl-C" : "; Ctrl-C stops them"));
            }
            while (ending == null && stopRequested.getCount() > 0) {
                Exited e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e != null) {
                    handle(e);
                }
                if (ending == null && slots.values().stream().allMatch(s -> s.running == null)) {
                    boolean allOk = slots.values().stream().allMatch(s -> s.last == null || s.last.success());
                    finish(allOk ? Ending.COMPLETED : Ending.FAILED, "every node has ended" + (allOk ? "" : ", not all successfully"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReason = "interrupted";
        } finally {
            if (ending == null) {
                finish(Ending.INTERRUPTED, (stopReason == null ? "stopped" : stopReason) + ": stopping every node");
            }
            stopAll();
            stopped.countDown();
        }
        for (Path log : logs) {
            say("episode log: " + log);
        }
        say("launch " + ending.name().toLowerCase() + ": " + detail);
        return new Result(ending, detail, List.copyOf(logs));
    }

    /** Asks a running launch to stop every node (in reverse start order) and end; returns at once. */
    public void shutdown(String reason) {
        if (stopRequested.getCount() > 0) {
            stopReason = reason;
            stopRequested.countDown();
        }
    }

    /** Waits until {@link #run()} has stopped every node; true if it did within the timeout. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finish(Ending e, String why) {
        if (ending == null) {
            ending = e;
            detail = why;
            if (e == Ending.INTERRUPTED) {
                say(why);
            }
        }
    }

    private void drainEvents() {
        Exited e;
        while (ending == null && (e = events.poll()) != null) {
            handle(e);
        }
    }

    /** Brings a node up (restarting per its policy); a node that cannot be brought up fails the launch. */
    private void bringUp(Slot slot) {
        started.add(slot);
        NodeExit early = startAndAwaitHealthy(slot);
        if (early == null) {
            return;
        }
        ended(slot, early);
        if (ending == null && slot.running == null && !slot.last.success() && stopRequested.getCount() > 0) {
            List<String> dependants = plan.nodes().stream().filter(n -> dependsOn(n, slot.spec.name())).map(NodeSpec::name).toList();
            finish(Ending.FAILED, "node " + slot.spec.name() + " did not come up (" + slot.last.detail() + ")"
                    + (dependants.isEmpty() ? "" : "; nodes that start after it were not started: " + String.join(", ", dependants)));
        }
    }

    private boolean dependsOn(NodeSpec n, String name) {
        return n.after().contains(name) || n.after().stream().anyMatch(a -> dependsOn(plan.node(a), name));
    }

    private void handle(Exited e) {
        if (e.slot().running != e.node()) {
            return; // an exit we already dealt with (a node that ended while coming up)
        }
        ended(e.slot(), e.exit());
    }

    /** A node has ended: report it, restart it per its policy, or end the launch when it was required. */
    private void ended(Slot slot, NodeExit exit) {
        String name = slot.spec.name();
        slot.running = null;
        record(slot, exit);
        if (stopRequested.getCount() == 0) {
            return;
        }
        say("node " + name + (exit.success() ? " ended: " : " FAILED: ") + exit.detail());
        RestartPolicy policy = slot.spec.restart();
        while (policy.wants(exit) && slot.restarts < policy.maxRestarts()) {
            slot.restarts++;
            Duration wait = policy.backoff(slot.restarts);
            say("restarting " + name + " in " + seconds(wait) + " (restart " + slot.restarts + " of " + policy.maxRestarts()
                    + ", restart policy " + policy.mode() + ")");
            try {
                if (stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                shutdown("interrupted");
                return;
            }
            exit = startAndAwaitHealthy(slot);
            if (exit == null) {
                return;
            }
            record(slot, exit);
            say("node " + name + (exit.success() ? " ended again: " : " FAILED again: ") + exit.detail());
        }
        if (policy.wants(exit)) {
            say("not restarting " + name + " again: restarted " + slot.restarts + " time(s), its max_restarts");
        }
        if (slot.spec.required()) {
            finish(exit.success() ? Ending.COMPLETED : Ending.FAILED, "required node " + name
                    + (exit.success() ? " ended: " : " failed: ") + exit.detail());
        }
    }

    private void record(Slot slot, NodeExit exit) {
        slot.last = exit;
        if (exit.log() != null && !logs.contains(exit.log())) {
            logs.add(exit.log());
        }
    }

    /** Starts the node and waits until it is healthy (null) or has ended (how). */
    private NodeExit startAndAwaitHealthy(Slot slot) {
        NodeSpec spec = slot.spec;
        String name = spec.name();
        RunningNode node;
        try {
            node = spec.type().start(spec.params(), new NodeContext(name, line -> print(name, line), spec.env(), plan.home(),
                    new LaunchPlan.Source(plan.file(), plan.home()).dir(), config.console, directory));
        } catch (Exception e) {
            return NodeExit.failed("could not start: " + describe(e));
        }
        slot.running = node;
        node.exit().thenAccept(exit -> events.add(new Exited(slot, node, exit)));
        long deadline = System.nanoTime() + spec.readyTimeout().toNanos();
        try {
            while (true) {
                if (node.exit().isDone()) {
                    slot.running = null;
                    return node.exit().join();
                }
                if (node.healthy()) {
                    String what = node.describe();
                    say((slot.restarts == 0 ? "started " : "restarted ") + name + " (" + spec.type().name() + ")"
                            + (what.isEmpty() ? "" : ": " + what));
                    return null;
                }
                if (System.nanoTime() > deadline) {
                    slot.running = null;
                    node.stop();
                    return NodeExit.failed("not healthy after " + seconds(spec.readyTimeout())
                            + " (raise ready_timeout_s if it needs longer)");
                }
                if (stopRequested.await(config.poll.toMillis(), TimeUnit.MILLISECONDS)) {
                    return NodeExit.failed("stopped while coming up");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown("interrupted");
            return NodeExit.failed("stopped while coming up");
        }
    }

    private void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Slot slot = started.get(i);
            RunningNode node = slot.running;
            if (node != null) {
                say("stopping " + slot.spec.name());
                slot.running = null;
                try {
                    node.stop();
                } catch (RuntimeException e) {
                    say("node " + slot.spec.name() + " did not stop cleanly: " + describe(e));
                }
                if (node.exit().isDone()) {
                    record(slot, node.exit().join());
                }
            }
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !text.toString().contains(c.getMessage())) {
                text.append(" (caused by: ").append(c.getMessage()).append(')');
            }
        }
        return text.toString();
    }

    private void say(String line) {
        synchronized (config.out) {
            config.out.println("[launch] " + line);
            config.out.flush();
        }
    }

    private void print(String node, String line) {
        synchronized (config.out) {
            config.out.println("[" + node + "] " + line);
            config.out.flush();
        }
    }
}
