package io.codeact.bridge.llm;

import java.time.Duration;

/**
 * Waits between retries. Injected so tests record the waits instead of sleeping.
 *
 * <pre>{@code
 * List<Duration> waits = new ArrayList<>();
 * ChatModels.fromSpec(spec, c -> c.sleeper(waits::add));
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {
    /** Really sleeps. */
    Sleeper SYSTEM = Thread::sleep;

    /** Waits this long (never negative). Interruption cancels the model call. */
    void sleep(Duration duration) throws InterruptedException;
}
