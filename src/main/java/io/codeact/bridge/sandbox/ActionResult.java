package io.codeact.bridge.sandbox;

import java.util.Optional;

/**
 * The outcome of one code action: what it printed, how it ended, and how long it took.
 *
 * @param status how the action ended
 * @param stdout what the action printed, capped; see {@code truncated}
 * @param stderr what the action wrote to {@code sys.stderr}, capped
 * @param error the Python exception for {@link ActionStatus#ERROR}, and a description for TIMEOUT,
 *     MEMORY and EXIT; null for OK
 * @param durationNanos wall-clock time of the action
 * @param truncated whether stdout or stderr lost output to the cap (a marker in the text says how much)
 * @param sessionEnded whether the session can no longer run actions (os._exit, a memory kill that
 *     could not free the session's heap, or an action that could not be interrupted)
 * @param exitCode the status passed to sys.exit / os._exit for {@link ActionStatus#EXIT}, else 0
 */
public record ActionResult(
        ActionStatus status,
        String stdout,
        String stderr,
        PythonError error,
        long durationNanos,
        boolean truncated,
        boolean sessionEnded,
        int exitCode) {

    public boolean ok() {
        return status == ActionStatus.OK;
    }

    public double durationMillis() {
        return durationNanos / 1e6;
    }

    public Optional<PythonError> errorIfAny() {
        return Optional.ofNullable(error);
    }
}
