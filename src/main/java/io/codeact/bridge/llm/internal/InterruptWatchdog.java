package io.codeact.bridge.llm.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Cancels an OkHttp {@link Call} when the thread that made it is interrupted. OkHttp leaves interrupts
 * to the caller (square/okhttp#7841): a thread blocked reading a socket does not notice one until bytes
 * or the read timeout arrive, which for a model still thinking can be minutes. So one daemon thread
 * looks at each watched caller every {@value #PERIOD_MILLIS} ms and cancels its call once it is
 * interrupted; the blocked read then fails at once. Thread-safe.
 *
 * <pre>{@code
 * InterruptWatchdog.Watch watch = InterruptWatchdog.watch(call);
 * try (Response response = call.execute()) { ... } finally { watch.close(); }
 * }</pre>
 */
final class InterruptWatchdog {
    static final long PERIOD_MILLIS = 20;
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    /** Stops watching; idempotent. */
    @FunctionalInterface
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private InterruptWatchdog() {
    }

    /** Watches the calling thread until the returned watch is closed. */
    static Watch watch(Call call) {
        Thread caller = Thread.currentThread();
        ScheduledFuture<?> check = TIMER.scheduleWithFixedDelay(() -> {
            if (caller.isInterrupted()) {
                call.cancel();
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return () -> check.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "codeact-llm-interrupt-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        // the thread exists only while calls are in flight
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }
}
