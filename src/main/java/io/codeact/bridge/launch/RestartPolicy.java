package io.codeact.bridge.launch;

import java.time.Duration;

/**
 * When the launcher starts a node again after it ended: {@code never} (default), {@code on-failure}
 * (a non-zero exit, a crash, a failed episode) or {@code always}; at most {@code maxRestarts} times, waiting
 * {@code backoff} before the first restart and twice as long before each next one (at most a minute).
 */
public record RestartPolicy(Mode mode, int maxRestarts, Duration backoff) {
    public static final RestartPolicy NEVER = new RestartPolicy(Mode.NEVER, 0, Duration.ofSeconds(1));
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    public enum Mode {
        NEVER("never"), ON_FAILURE("on-failure"), ALWAYS("always");

        final String text;

        Mode(String text) {
            this.text = text;
        }

        static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.text.equals(text)) {
                    return m;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Whether a node that ended so should be started again, before counting restarts. */
    boolean wants(NodeExit exit) {
        return mode == Mode.ALWAYS || (mode == Mode.ON_FAILURE && !exit.success());
    }

    /** The wait before restart number {@code n} (1-based). */
    Duration backoff(int n) {
        Duration d = backoff;
        for (int i = 1; i < n && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
