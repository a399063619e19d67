package io.codeact.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unbounded allocation must end in a MEMORY result while the controller and other sessions carry on.
 * Runs in the test JVM's shared heap (-Xmx set in the pom), exactly as sessions share it in production.
 */
class HeapGuardTest {
    private Session bystander;

    @BeforeEach
    void openBystander() {
        bystander = SharedEngine.get().openSession("bystander");
        bystander.execute("kept = [1, 2, 3]");
    }

    @AfterEach
    void checkEverythingElseStillWorks() {
        ActionResult after = bystander.execute("sum(kept)");
        assertThat(after.stdout()).as(after.toString()).isEqualTo("6\n");
        bystander.close();
        System.gc();
        assertThat(SharedEngine.get().heapGuard().heapFraction())
                .as("the memory of the stopped action is given back")
                .isLessThan(SharedEngine.get().config().heapKillFraction());
    }

    @Test
    void stopsFastGrowthHeldInAGlobalAndClosesTheSessionToFreeIt() {
        try (Session hog = SharedEngine.get().openSession("hog")) {
            ActionResult r = hog.execute("x = []\nwhile True:\n    x.append(bytearray(1 << 20))", Duration.ofSeconds(60));
            assertThat(r.status()).isEqualTo(ActionStatus.MEMORY);
            assertThat(r.error().type()).isEqualTo("MemoryError");
            assertThat(r.sessionEnded()).isTrue();
            assertThat(r.error().message()).contains("the session was closed to free it");
            assertThat(hog.isOpen()).isFalse();
        }
    }

    @Test
    void stopsSlowGrowth() {
        try (Session hog = SharedEngine.get().openSession("slow-hog")) {
            ActionResult r = hog.execute("import time\nx = []\nwhile True:\n    x.append(bytearray(1 << 20))\n    time.sleep(0.002)",
                    Duration.ofSeconds(120));
            assertThat(r.status()).isEqualTo(ActionStatus.MEMORY);
        }
    }

    @Test
    void keepsTheSessionWhenTheMemoryWasOnlyLocalToTheAction() {
        try (Session hog = SharedEngine.get().openSession("local-hog")) {
            hog.execute("before = 'kept'");
            ActionResult r = hog.execute("def grow():\n    x = []\n    while True:\n        x.append(bytearray(1 << 20))\ngrow()",
                    Duration.ofSeconds(60));
            assertThat(r.status()).isEqualTo(ActionStatus.MEMORY);
            assertThat(r.sessionEnded()).isFalse();
            assertThat(r.error().message()).contains("the session and its variables are kept");
            assertThat(hog.execute("before").stdout()).isEqualTo("'kept'\n");
        }
    }
}
