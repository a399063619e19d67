package io.codeact.bridge.cli;

import io.codeact.bridge.safety.ConsoleConfirmer;
import io.codeact.bridge.safety.Confirmer;
import io.codeact.bridge.safety.ControlServer;
import io.codeact.bridge.safety.SafetyPolicy;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.safety.StopLatch;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --safety FILE|none}, {@code --confirm prompt|pin|approve|deny}, {@code --dry-run}: how the
 * safety layer of an episode is set up (docs/SAFETY.md).
 */
final class SafetyOptions {
    /** The control socket of this process; closing it removes the socket. */
    interface StopListener extends AutoCloseable {
        @Override
        void close();
    }

    @Option(names = "--safety", paramLabel = "FILE|none",
            description = "safety file (default: safety/<world>.yaml when it exists; none: the declarations' ranges only)")
    String file;

    @Option(names = "--confirm", paramLabel = "HOW",
            description = "who allows irreversible calls: prompt (ask here, default with a terminal), pin (ask for the PIN in "
                    + "$CODEACT_CONFIRM_PIN), approve or deny (unattended; default without a terminal: deny)")
    String confirm;

    @Option(names = "--dry-run", description = "run against the simulator and record what would have been sent to the real device")
    boolean dryRun;

    /**
     * The settings for an episode in {@code world}, on this process's stop latch.
     *
     * @param unattended without {@code --confirm}: {@code "eval"} approves as the suite's simulated person
     *     (also at a terminal: episodes run in parallel); {@code "approve"}/{@code "deny"} apply when no
     *     person is at a terminal; null denies then
     * @throws IllegalArgumentException for an unknown --confirm value or a missing PIN
     */
    SafetySettings settings(String world, String unattended, StopLatch latch) {
        SafetyPolicy policy;
        if (file != null && file.equals("none")) {
            policy = SafetyPolicy.defaults();
        } else if (file != null) {
            policy = SafetyPolicy.load(Path.of(file));
        } else {
            Path byWorld = Home.root().resolve("safety").resolve(world + ".yaml");
            policy = world != null && Files.isRegularFile(byWorld) ? SafetyPolicy.load(byWorld) : SafetyPolicy.defaults();
        }
        String person = System.getProperty("user.name", "operator");
        String how = confirm != null ? confirm.toLowerCase(Locale.ROOT)
                : "eval".equals(unattended) ? "approve"
                : System.console() != null ? "prompt" : unattended != null ? unattended : "deny";
        Confirmer confirmer = switch (how) {
            case "prompt" -> new ConsoleConfirmer(new PrintStream(System.out, true), System.in, null, person + " (terminal)");
            case "pin" -> {
                String pin = System.getenv("CODEACT_CONFIRM_PIN");
                if (pin == null || pin.isBlank()) {
                    throw new IllegalArgumentException("--confirm pin needs the PIN in the environment variable CODEACT_CONFIRM_PIN");
                }
                yield new ConsoleConfirmer(new PrintStream(System.out, true), System.in, pin, person + " (PIN)");
            }
            case "approve" -> Confirmer.fixed(true, confirm == null ? "unattended " + unattended + " run (simulated person approves)"
                    : "--confirm approve, given by " + person);
            case "deny" -> Confirmer.fixed(false, confirm == null ? "nobody at a terminal (run with --confirm prompt|pin)"
                    : "--confirm deny");
            default -> throw new IllegalArgumentException("--confirm must be prompt, pin, approve or deny, got '" + confirm + "'");
        };
        return new SafetySettings(policy, confirmer, latch, dryRun);
    }

    /**
     * Lets {@code codeact stop} reach this process while it runs; a machine where the socket cannot be
     * made gets a warning (stop topics and Ctrl-C still work).
     */
    static StopListener listenForStop(PrintWriter err) {
        try {
            return ControlServer.start(StopLatch.process(), ControlServer.runDir())::close;
        } catch (IOException | UnsupportedOperationException e) {
            err.println("codeact: warning: `codeact stop` cannot reach this process (" + e.getMessage() + ")");
            return () -> {};
        }
    }
}
