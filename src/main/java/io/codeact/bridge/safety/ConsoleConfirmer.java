package io.codeact.bridge.safety;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Asks on the terminal: "allow robot.lock.unlock()? [y/N]", or for a PIN when one is configured. Reads
 * only while asking and gives up at the timeout (denied), polling the input so no reader thread is left
 * behind to steal the next line. One question at a time.
 */
public final class ConsoleConfirmer implements Confirmer {
    private final PrintStream out;
    private final InputStream in;
    private final String pinSha256;
    private final String person;

    /**
     * @param pin null to ask for y/N; otherwise the PIN that must be typed (kept only as its SHA-256)
     * @param person how the audit names whoever answers at this terminal
     */
    public ConsoleConfirmer(PrintStream out, InputStream in, String pin, String person) {
        this.out = out;
        this.in = in;
        this.pinSha256 = pin == null ? null : sha256(pin);
        this.person = person;
    }

    @Override
    public synchronized Decision confirm(Request r, Duration timeout) {
        out.println();
        out.println("!! " + r.tool() + "(" + args(r) + ") is " + r.risk().yamlName() + ": " + r.why());
        out.print(pinSha256 == null
                ? "!! Allow it? [y/N] (" + timeout.toSeconds() + " s, then denied) "
                : "!! Type the PIN to allow it, anything else denies (" + timeout.toSeconds() + " s) ");
        out.flush();
        String line;
        try {
            line = readLine(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println();
            return new Decision(false, person, "interrupted while asking");
        } catch (IOException e) {
            return new Decision(false, person, "could not read the answer: " + e.getMessage());
        }
        if (line == null) {
            out.println();
            out.println("!! no answer within " + timeout.toSeconds() + " s: denied");
            return new Decision(false, person, "timeout after " + timeout.toSeconds() + " s");
        }
        String answer = line.strip();
        if (pinSha256 != null) {
            boolean ok = MessageDigest.isEqual(sha256(answer).getBytes(StandardCharsets.US_ASCII),
                    pinSha256.getBytes(StandardCharsets.US_ASCII));
            return new Decision(ok, person, ok ? "PIN" : "wrong PIN");
        }
        boolean yes = answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
        return new Decision(yes, person, yes ? "typed '" + answer + "'" : "typed '" + answer + "' (not yes)");
    }

    private String readLine(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (System.nanoTime() < deadline) {
            int n = in.available();
            if (n <= 0) {
                Thread.sleep(20);
                continue;
            }
            for (int i = 0; i < n; i++) {
                int b = in.read();
                if (b < 0 || b == '\n') {
                    return buf.toString(StandardCharsets.UTF_8).replace("\r", "");
                }
                buf.write(b);
            }
        }
        return null;
    }

    private static String args(Request r) {
        StringBuilder s = new StringBuilder();
        r.args().forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
