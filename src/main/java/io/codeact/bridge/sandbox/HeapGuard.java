package io.codeact.bridge.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends code actions that allocate without bound, before the shared heap runs out.
 *
 * <p>GraalPy community has no per-context heap limit, and all sessions share the JVM heap. This guard
 * polls heap use every {@code pollMillis}; when it passes {@code killFraction} of the maximum it asks for
 * a full collection (at most once per {@code gcIntervalMillis}) and, if use is still above the line,
 * ends the running action that allocated the most bytes since it started (measured per thread with
 * {@code com.sun.management.ThreadMXBean}), if that is at least a twentieth of the heap; memory held by
 * idle sessions only earns a warning. That action reports {@link ActionStatus#MEMORY}; the
 * controller and the other sessions carry on. What it does not guarantee: an allocation faster than
 * one poll interval can still hit the JVM's own {@code OutOfMemoryError}, which GraalPy turns into a
 * Python {@code MemoryError} in the allocating action (also reported as MEMORY).
 */
final class HeapGuard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeapGuard.class);

    /** A running action the guard may end. */
    interface Watched {
        /** Ends the action; called at most once, from the guard's thread. */
        void kill(String reason);
    }

    private record Entry(Thread thread, long allocatedAtStart, Watched target) {}

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.ThreadMXBean threads;
    private final double killFraction;
    private final long pollMillis;
    private final long gcIntervalMillis;
    private final Map<Long, Entry> running = new ConcurrentHashMap<>();
    private final AtomicLong kills = new AtomicLong();
    private final Thread poller;
    private volatile boolean closed;
    private long lastGcNanos;

    HeapGuard(double killFraction, long pollMillis, long gcIntervalMillis) {
        this.killFraction = killFraction;
        this.pollMillis = pollMillis;
        this.gcIntervalMillis = gcIntervalMillis;
        this.threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (threads.isThreadAllocatedMemorySupported() && !threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        this.poller = Thread.ofPlatform().daemon().name("codeact-heap-guard").unstarted(this::loop);
        poller.setPriority(Thread.MAX_PRIORITY);
        poller.start();
    }

    /** Watches the current thread's action until {@link #unwatch()} is called on the same thread. */
    void watch(Watched target) {
        Thread t = Thread.currentThread();
        running.put(t.threadId(), new Entry(t, threads.getThreadAllocatedBytes(t.threadId()), target));
    }

    void unwatch() {
        running.remove(Thread.currentThread().threadId());
    }

    long kills() {
        return kills.get();
    }

    /** Heap in use as a fraction of the maximum, right now (garbage included). */
    double heapFraction() {
        var usage = memory.getHeapMemoryUsage();
        return (double) usage.getUsed() / usage.getMax();
    }

    /** Heap in use after a full collection, as a fraction of the maximum. */
    double heapFractionAfterGc() {
        System.gc();
        return heapFraction();
    }

    double killFraction() {
        return killFraction;
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(pollMillis);
                check();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("heap guard check failed; it keeps watching", e);
            }
        }
    }

    private void check() {
        if (running.isEmpty() || heapFraction() < killFraction) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastGcNanos > gcIntervalMillis * 1_000_000L) {
            lastGcNanos = now;
            System.gc();
            if (heapFraction() < killFraction) {
                return;
            }
        }
        // only an action that is itself allocating a real share of the heap is a culprit; idle sessions
        // holding memory are not stopped by ending someone else's small action
        long minimumBytes = memory.getHeapMemoryUsage().getMax() / 20;
        Entry worst = null;
        long worstBytes = minimumBytes;
        for (Entry e : running.values()) {
            long bytes = threads.getThreadAllocatedBytes(e.thread().threadId()) - e.allocatedAtStart();
            if (bytes > worstBytes) {
                worst = e;
                worstBytes = bytes;
            }
        }
        if (worst == null) {
            warnHeldMemory();
            return;
        }
        if (running.remove(worst.thread().threadId(), worst)) {
            kills.incrementAndGet();
            var usage = memory.getHeapMemoryUsage();
            worst.target().kill(String.format(
                    "the action allocated %d MB while the shared heap was %d of %d MB full (limit %.0f%%)",
                    worstBytes >> 20, usage.getUsed() >> 20, usage.getMax() >> 20, killFraction * 100));
        }
    }

    private long lastWarningNanos;

    private void warnHeldMemory() {
        long now = System.nanoTime();
        if (now - lastWarningNanos > 60_000_000_000L) {
            lastWarningNanos = now;
            var usage = memory.getHeapMemoryUsage();
            LOG.warn("the heap is {} of {} MB full but no running action is allocating much: open sessions hold it;"
                    + " close idle sessions or raise -Xmx", usage.getUsed() >> 20, usage.getMax() >> 20);
        }
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
    }
}
