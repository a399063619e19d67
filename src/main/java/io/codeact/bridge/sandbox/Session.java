package io.codeact.bridge.sandbox;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One code-action session: a GraalPy context whose variables, imports and functions persist from one
 * action to the next (one agent episode, or one robot).
 *
 * <p>{@link #execute} never throws for anything the Python code does: errors, timeouts, memory
 * exhaustion and exits come back in the {@link ActionResult}. Actions of one session run one at a time
 * (callers are serialised); different sessions run in parallel. Thread-safe.
 *
 * <pre>{@code
 * try (Session s = engine.openSession("robot-1")) {
 *     s.execute("x = 21");
 *     ActionResult r = s.execute("print(x * 2)");   // r.stdout() == "42\n"
 * }
 * }</pre>
 */
public final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

    private final String id;
    private final SandboxEngine engine;
    private final Context context;
    private final Value runAction;
    private final Value exposeApi;
    private final CappedOutput stdout;
    private final CappedOutput stderr;
    private final ExecutorService actionThreads;
    private final Object lock = new Object();
    private int actions;
    private volatile String endedBecause;
    private volatile String memoryKill;

    Session(String id, SandboxEngine engine, WarmContext warm, ExecutorService actionThreads) {
        this.id = id;
        this.engine = engine;
        this.context = warm.context();
        this.runAction = warm.prelude().getMember("_run");
        this.exposeApi = warm.prelude().getMember("_expose");
        this.stdout = warm.stdout();
        this.stderr = warm.stderr();
        this.actionThreads = actionThreads;
    }

    public String id() {
        return id;
    }

    /** Number of actions run so far. */
    public int actionCount() {
        synchronized (lock) {
            return actions;
        }
    }

    /** Whether the session can still run actions; see {@link #endedReason()} when not. */
    public boolean isOpen() {
        return endedBecause == null;
    }

    /** Why the session ended (os._exit, memory, closed), or null while it is open. */
    public String endedReason() {
        return endedBecause;
    }

    /**
     * Makes an API available to every later action, as a global of the API's name.
     *
     * @throws IllegalStateException if the session has ended
     */
    public void expose(PyApi api) {
        ApiDispatcher dispatcher = new ApiDispatcher(api, (fn, e) ->
                LOG.error("host function {} threw unexpectedly in session {}", fn, id, e));
        synchronized (lock) {
            requireOpen();
            exposeApi.execute(api.name(), dispatcher.specJson(), dispatcher);
        }
    }

    /** Runs one action with the engine's default timeout. */
    public ActionResult execute(String code) {
        return execute(code, engine.config().actionTimeout());
    }

    /** Runs one action; the session keeps its variables whatever happens, unless the result says it ended. */
    public ActionResult execute(String code, Duration timeout) {
        synchronized (lock) {
            long start = System.nanoTime();
            if (endedBecause != null) {
                return new ActionResult(ActionStatus.ERROR, "", "",
                        new PythonError("SessionEnded", "session " + id + " has ended: " + endedBecause, ""),
                        0, false, true, 0);
            }
            actions++;
            String filename = "<action " + actions + ">";
            stdout.reset();
            stderr.reset();
            memoryKill = null;
            Future<Value> run = actionThreads.submit(() -> runOnActionThread(code, filename));
            Value reply = null;
            Throwable failure = null;
            boolean timedOut = false;
            try {
                reply = run.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                timedOut = true;
                interrupt();
                try {
                    reply = run.get(INTERRUPT_GRACE.toSeconds() + 1, TimeUnit.SECONDS);
                } catch (ExecutionException ex) {
                    failure = ex.getCause();
                } catch (TimeoutException | InterruptedException ex) {
                    failure = ex;
                    end("an action could not be interrupted after its timeout");
                }
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupt();
                failure = e;
            }
            ActionResult result = result(reply, failure, timedOut, timeout, System.nanoTime() - start);
            // drop every reference to the action's exception (it holds its frames and their locals)
            // before deciding whether the session still holds the memory
            reply = null;
            failure = null;
            run = null;
            return result.status() == ActionStatus.MEMORY ? settleMemory(result) : result;
        }
    }

    private Value runOnActionThread(String code, String filename) {
        engine.heapGuard().watch(reason -> {
            memoryKill = reason;
            interrupt();
        });
        try {
            return runAction.execute(code, filename);
        } finally {
            engine.heapGuard().unwatch();
        }
    }

    private void interrupt() {
        try {
            context.interrupt(INTERRUPT_GRACE);
        } catch (TimeoutException e) {
            LOG.warn("session {}: action did not stop within {} after interrupt; cancelling the context", id, INTERRUPT_GRACE);
            end("an action could not be interrupted");
            context.close(true);
        } catch (IllegalStateException e) {
            // the context already closed: nothing left to interrupt
        }
    }

    private ActionResult result(Value reply, Throwable failure, boolean timedOut, Duration timeout, long nanos) {
        String out = stdout.text();
        String err = stderr.text();
        boolean truncated = stdout.truncated() || stderr.truncated();
        if (failure == null) {
            if (reply == null || reply.isNull()) {
                return new ActionResult(ActionStatus.OK, out, err, null, nanos, truncated, false, 0);
            }
            String kind = reply.getArrayElement(0).asString();
            if (kind.equals("hard_exit")) {
                int code = reply.getArrayElement(1).asInt();
                end("the action called os._exit(" + code + ")");
                return hardExit(out, err, nanos, truncated, code);
            }
            if (kind.equals("exit")) {
                int code = reply.getArrayElement(1).asInt();
                String message = reply.getArrayElement(2).asString();
                return new ActionResult(ActionStatus.EXIT, out, err,
                        new PythonError("SystemExit", message.isEmpty() ? String.valueOf(code) : message,
                                "the action called sys.exit(); it ended here and the session is still usable"),
                        nanos, truncated, false, code);
            }
            PythonError error = new PythonError(reply.getArrayElement(1).asString(),
                    reply.getArrayElement(2).asString(), reply.getArrayElement(3).asString());
            ActionStatus status = error.type().equals("MemoryError") ? ActionStatus.MEMORY : ActionStatus.ERROR;
            return new ActionResult(status, out, err, error, nanos, truncated, false, 0);
        }
        if (failure instanceof PolyglotException pe) {
            if (pe.isExit()) {
                end("the action exited the interpreter with status " + pe.getExitStatus());
                return hardExit(out, err, nanos, truncated, pe.getExitStatus());
            }
            if (memoryKill != null) {
                return memoryResult(out, err, nanos, truncated);
            }
            if (pe.isInterrupted() || pe.isCancelled() || timedOut) {
                boolean ended = endedBecause != null;
                return new ActionResult(ActionStatus.TIMEOUT, out, err,
                        new PythonError("TimeoutError",
                                "the action was stopped at its time limit of " + seconds(timeout)
                                        + (ended ? "; the session has ended" : "; variables set before that are kept"),
                                ""),
                        nanos, truncated, ended, 0);
            }
            if (pe.isResourceExhausted()) {
                return memoryResult(out, err, nanos, truncated);
            }
            String denied = deniedCapability(pe);
            if (denied != null) {
                // refused below Python by the context (process, thread, socket creation): not catchable in Python
                return new ActionResult(ActionStatus.ERROR, out, err,
                        new PythonError("PermissionError", denied,
                                pythonLocation(pe) + "PermissionError: " + denied + "\n"),
                        nanos, truncated, false, 0);
            }
            LOG.warn("session {}: the Python runtime failed inside an action", id, pe);
            return new ActionResult(ActionStatus.ERROR, out, err,
                    new PythonError("SystemError", "the Python runtime failed on this action (" + pe.getMessage()
                            + "); the session is still usable", pythonLocation(pe)),
                    nanos, truncated, false, 0);
        }
        if (failure != null && failure.getClass().getName().equals("java.lang.ThreadDeath")) {
            // the context was torn down under the action (a hard exit from a path the prelude did not see)
            end("the interpreter exited");
            return hardExit(out, err, nanos, truncated, -1);
        }
        if (timedOut && (failure instanceof TimeoutException || failure instanceof InterruptedException)) {
            // the action ignored the interrupt for the whole grace period: its session was ended
            return new ActionResult(ActionStatus.TIMEOUT, out, err,
                    new PythonError("TimeoutError", "the action was stopped at its time limit of " + seconds(timeout)
                            + " but did not stop within " + INTERRUPT_GRACE.toSeconds() + " s; the session has ended", ""),
                    nanos, truncated, true, 0);
        }
        if (failure instanceof InterruptedException) {
            // the caller was interrupted (an episode cancelled): the action was stopped, not broken
            return new ActionResult(ActionStatus.TIMEOUT, out, err,
                    new PythonError("TimeoutError", "the action was cancelled by the controller; variables set before"
                            + " that are kept", ""),
                    nanos, truncated, endedBecause != null, 0);
        }
        if (failure instanceof OutOfMemoryError) {
            memoryKill = "the JVM ran out of heap during the action";
            return memoryResult(out, err, nanos, truncated);
        }
        LOG.error("session {}: action failed in the bridge", id, failure);
        return new ActionResult(ActionStatus.ERROR, out, err,
                new PythonError("InternalError", "the sandbox failed to run the action: " + failure, ""),
                nanos, truncated, endedBecause != null, 0);
    }

    /** The sandbox's denial of a capability, worded for the model, or null if the failure is something else. */
    private static String deniedCapability(PolyglotException pe) {
        String message = String.valueOf(pe.getMessage());
        if (pe.isHostException() && pe.asHostException() instanceof SecurityException
                || message.contains("is not allowed") || message.contains("was excluded")) {
            return message.replaceFirst("^[\\w.$]+Exception: ", "").replaceFirst(", to enable it set .*$", "")
                    + " (not available in the robot sandbox)";
        }
        return null;
    }

    /** The model's frames of a polyglot stack trace, CPython style, or empty when none are known. */
    private static String pythonLocation(PolyglotException pe) {
        StringBuilder tb = new StringBuilder();
        for (PolyglotException.StackFrame frame : pe.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getSourceLocation() != null
                    && frame.getSourceLocation().getSource().getName().startsWith("<action ")) {
                tb.insert(0, "  File \"" + frame.getSourceLocation().getSource().getName() + "\", line "
                        + frame.getSourceLocation().getStartLine() + ", in " + frame.getRootName() + "\n");
            }
        }
        return tb.isEmpty() ? "" : "Traceback (most recent call last):\n" + tb;
    }

    private static ActionResult hardExit(String out, String err, long nanos, boolean truncated, int code) {
        return new ActionResult(ActionStatus.EXIT, out, err,
                new PythonError("SystemExit", String.valueOf(code),
                        "the action called os._exit(); the session has ended and its variables are gone"),
                nanos, truncated, true, code);
    }

    private ActionResult memoryResult(String out, String err, long nanos, boolean truncated) {
        String reason = memoryKill == null ? "the Python heap was exhausted" : memoryKill;
        return new ActionResult(ActionStatus.MEMORY, out, err,
                new PythonError("MemoryError", "the action was stopped for using too much memory: " + reason, ""),
                nanos, truncated, false, 0);
    }

    /**
     * After a memory stop: keep the session if the heap came back, else end it, since its variables
     * still hold what the action allocated.
     */
    private ActionResult settleMemory(ActionResult r) {
        HeapGuard guard = engine.heapGuard();
        boolean ended = guard.heapFractionAfterGc() > guard.killFraction() * 0.9;
        if (ended) {
            end("memory: the session still held too much of the heap after its action was stopped");
        }
        PythonError e = r.error();
        String message = e.message() + (ended
                ? "; the session was closed to free it and its variables are gone"
                : "; the session and its variables are kept");
        return new ActionResult(r.status(), r.stdout(), r.stderr(), new PythonError(e.type(), message, e.traceback()),
                r.durationNanos(), r.truncated(), ended, 0);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private void requireOpen() {
        if (endedBecause != null) {
            throw new IllegalStateException("session " + id + " has ended: " + endedBecause);
        }
    }

    private void end(String reason) {
        if (endedBecause == null) {
            endedBecause = reason;
            engine.sessionEnded(this);
            actionThreads.execute(() -> closeContext(true));
        }
    }

    private void closeContext(boolean cancel) {
        try {
            context.close(cancel);
        } catch (RuntimeException e) {
            LOG.debug("session {}: closing the context: {}", id, e.toString());
        }
    }

    /** Ends the session and frees its context. Idempotent. */
    @Override
    public void close() {
        if (endedBecause == null) {
            endedBecause = "closed";
            engine.sessionEnded(this);
            closeContext(true);
        }
    }
}
