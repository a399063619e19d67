package io.codeact.bridge.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One action's stdout or stderr: keeps the first {@code cap} bytes and counts the rest, so a print loop
 * cannot flood the controller or the model's context. Thread-safe; reset before each action.
 */
final class CappedOutput extends OutputStream {
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    CappedOutput(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < cap) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, cap - kept.size());
        int keep = Math.min(room, len);
        kept.write(b, off, keep);
        dropped += len - keep;
    }

    synchronized void reset() {
        kept.reset();
        dropped = 0;
    }

    synchronized boolean truncated() {
        return dropped > 0;
    }

    /** The kept text, with a marker saying how much was dropped when the cap was hit. */
    synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (dropped == 0) {
            return text;
        }
        return text + (text.endsWith("\n") ? "" : "\n")
                + "[output truncated: " + dropped + " more bytes dropped (cap " + cap + " bytes per action)]\n";
    }
}
