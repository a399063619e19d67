package io.codeact.bridge.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.codeact.bridge.tools.RiskTier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal prompt: y/N, PIN, and a timeout that denies. */
class ConsoleConfirmerTest {
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final Confirmer.Request unlock = new Confirmer.Request("home.lock.unlock", Map.of(), RiskTier.IRREVERSIBLE,
            "a person must allow irreversible calls");

    private Confirmer.Decision ask(String typed, String pin, Duration timeout) {
        ConsoleConfirmer c = new ConsoleConfirmer(new PrintStream(shown, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), pin, "terminal user");
        return c.confirm(unlock, timeout);
    }

    @Test
    void yesAllowsAndAnythingElseDenies() {
        assertTrue(ask("y\n", null, Duration.ofSeconds(2)).approved());
        assertTrue(ask("YES\r\n", null, Duration.ofSeconds(2)).approved());
        Confirmer.Decision no = ask("sure\n", null, Duration.ofSeconds(2));
        assertFalse(no.approved());
        assertEquals("terminal user", no.by());
        assertTrue(shown.toString(StandardCharsets.UTF_8).contains("home.lock.unlock() is irreversible"));
    }

    @Test
    void thePinMustMatch() {
        assertTrue(ask("4711\n", "4711", Duration.ofSeconds(2)).approved());
        Confirmer.Decision wrong = ask("y\n", "4711", Duration.ofSeconds(2));
        assertFalse(wrong.approved());
        assertEquals("wrong PIN", wrong.detail());
    }

    @Test
    void silenceIsADenialAtTheTimeout() throws Exception {
        try (PipedOutputStream keyboard = new PipedOutputStream(); PipedInputStream in = new PipedInputStream(keyboard)) {
            ConsoleConfirmer c = new ConsoleConfirmer(new PrintStream(shown, true, StandardCharsets.UTF_8), in, null, "t");
            long start = System.nanoTime();
            Confirmer.Decision d = c.confirm(unlock, Duration.ofMillis(300));
            assertFalse(d.approved());
            assertTrue(d.detail().startsWith("timeout"), d.detail());
            assertTrue(System.nanoTime() - start >= 290_000_000L);
            // an answer typed after the timeout is not taken for the next question's... it waits for that question
            keyboard.write("y\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertTrue(c.confirm(unlock, Duration.ofSeconds(2)).approved());
        }
    }
}
