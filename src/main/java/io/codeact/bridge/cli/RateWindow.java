package io.codeact.bridge.cli;

import java.util.ArrayDeque;

/** Message arrival times over a sliding window, for {@code codeact ros topic hz}. Thread-safe. */
final class RateWindow {
    private final int size;
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();

    RateWindow(int size) {
        this.size = Math.max(2, size + 1);
    }

    synchronized void tick(long nanos) {
        arrivals.addLast(nanos);
        if (arrivals.size() > size) {
            arrivals.pollFirst();
        }
    }

    /**
     * @param rateHz mean rate, @param min/max/stdDev of the gaps in seconds, @param window gaps measured
     */
    record Stats(double rateHz, double min, double max, double stdDev, int window) {
    }

    /** The figures over the window, or null with fewer than two messages. */
    synchronized Stats stats() {
        if (arrivals.size() < 2) {
            return null;
        }
        double sum = 0;
        double sumSq = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        Long previous = null;
        for (long t : arrivals) {
            if (previous != null) {
                double gap = (t - previous) / 1e9;
                sum += gap;
                sumSq += gap * gap;
                min = Math.min(min, gap);
                max = Math.max(max, gap);
            }
            previous = t;
        }
        int n = arrivals.size() - 1;
        double mean = sum / n;
        return new Stats(1 / mean, min, max, Math.sqrt(Math.max(0, sumSq / n - mean * mean)), n);
    }
}
