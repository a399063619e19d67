package io.codeact.bridge.safety;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The emergency stop of one controller process. {@link #stop} is never gated: it runs every registered
 * halt action at once on the caller's thread (no queue, no model), and latches, so that the safety gates
 * refuse motion until a person calls {@link #resume}. Stopping again while stopped halts again.
 *
 * <pre>{@code
 * StopLatch latch = StopLatch.process();
 * AutoCloseable reg = latch.onStop(by -> world.halt("stop by " + by));
 * latch.stop("operator via codeact stop");   // halts now; motion refused from here on
 * latch.resume("alice");                      // a person, by name
 * }</pre>
 */
public final class StopLatch {
    /** The latch state: whether stopped, by whom, when, and who resumed last. */
    public record State(boolean stopped, String by, Instant at) {}

    /** Told after a stop's halt actions ran, and after a resume. */
    public interface Listener {
        void stopped(String by);

        void resumed(String by);
    }

    private static final StopLatch PROCESS = new StopLatch();

    private final List<Consumer<String>> halters = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile State state = new State(false, null, null);

    /** The latch of this controller process: {@code codeact stop}, stop topics and every session share it. */
    public static StopLatch process() {
        return PROCESS;
    }

    /** A latch of its own, for a session that must not share the process's stop (tests, eval workers). */
    public StopLatch() {}

    public State state() {
        return state;
    }

    public boolean stopped() {
        return state.stopped();
    }

    /** Registers a halt action, run on every stop; close the returned handle to remove it. */
    public AutoCloseable onStop(Consumer<String> halter) {
        halters.add(halter);
        return () -> halters.remove(halter);
    }

    public AutoCloseable listen(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Latches and halts every actuator now. Halt actions that throw are skipped after the others ran,
     * and the first failure is rethrown so the caller can report it; the latch holds either way.
     */
    public void stop(String by) {
        String who = by == null || by.isBlank() ? "unknown" : by.strip();
        state = new State(true, who, Instant.now());
        RuntimeException first = null;
        for (Consumer<String> h : halters) {
            try {
                h.accept(who);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        for (Listener l : listeners) {
            l.stopped(who);
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Latches because a stop was sent on a bus this controller listens to (the MQTT or ROS stop topic):
     * the devices on that topic halt themselves, so no halt actions run here. A stop that arrives while
     * already stopped (e.g. this controller's own stop, echoed back) changes nothing.
     */
    public void noteRemoteStop(String by) {
        String who = by == null || by.isBlank() ? "unknown" : by.strip();
        synchronized (this) {
            if (state.stopped()) {
                return;
            }
            state = new State(true, who, Instant.now());
        }
        for (Listener l : listeners) {
            l.stopped(who);
        }
    }

    /**
     * Lifts the stop. Only a person resumes: {@code by} names them and must not be blank.
     *
     * @throws IllegalArgumentException when {@code by} is blank
     */
    public void resume(String by) {
        Objects.requireNonNull(by, "by");
        if (by.isBlank()) {
            throw new IllegalArgumentException("resume needs the name of the person who resumes");
        }
        state = new State(false, null, null);
        for (Listener l : listeners) {
            l.resumed(by.strip());
        }
    }
}
