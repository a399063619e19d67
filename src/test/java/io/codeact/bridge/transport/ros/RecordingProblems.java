package io.codeact.bridge.transport.ros;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@link ProblemListener} that records problems and lets a test await one. */
final class RecordingProblems implements ProblemListener {
    private final List<RuntimeException> problems = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void onProblem(RuntimeException problem) {
        problems.add(problem);
        notifyAll();
    }

    List<RuntimeException> all() {
        return List.copyOf(problems);
    }

    /** Waits up to {@code timeoutMs} for a problem matching {@code test}; returns it or null. */
    synchronized RuntimeException await(Predicate<RuntimeException> test, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            for (RuntimeException p : problems) {
                if (test.test(p)) {
                    return p;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }
}
