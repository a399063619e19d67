package io.codeact.bridge.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.Worlds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control socket {@code codeact stop} and {@code codeact resume} talk to. */
class ControlServerTest {
    @TempDir
    Path dir;

    @Test
    void stopHaltsTheWorldAtOnceAndResumeNeedsAName() throws Exception {
        StopLatch latch = new StopLatch();
        World world = Worlds.create("warehouse", 1, Map.of());
        latch.onStop(by -> world.halt("stop by " + by));
        world.start("base.set_velocity", Map.of("linear", 0.3, "lease", 30.0));
        world.step(0.5);
        try (ControlServer server = ControlServer.start(latch, dir)) {
            assertTrue(Files.exists(server.socket()));
            List<String> replies = ControlServer.sendAll(dir, "stop alice at the console");
            assertEquals(1, replies.size());
            assertTrue(replies.get(0).startsWith("ok stopped"), replies.toString());
            assertTrue(latch.stopped());
            assertEquals("alice at the console", latch.state().by());
            world.step(1.0);
            assertEquals(false, world.command("base.status", Map.of()).get("moving"));
            assertTrue(ControlServer.sendAll(dir, "status").get(0).contains("stopped by alice"));
            assertTrue(ControlServer.sendAll(dir, "resume").get(0).startsWith("error"));
            assertTrue(latch.stopped());
            assertTrue(ControlServer.sendAll(dir, "resume bob").get(0).startsWith("ok resumed"));
            assertFalse(latch.stopped());
            assertTrue(ControlServer.sendAll(dir, "jump").get(0).contains("unknown request 'jump'"));
        }
        assertTrue(ControlServer.sendAll(dir, "status").isEmpty(), "a closed server's socket is gone");
    }

    @Test
    void socketsOfDeadProcessesAreCleanedUp() throws Exception {
        Path stale = dir.resolve("controller-999999.sock");
        try (ControlServer s = ControlServer.start(new StopLatch(), dir)) {
            Files.copy(s.socket(), stale); // a socket file nobody listens on
        } catch (java.io.IOException e) {
            Files.writeString(stale, "");
        }
        assertTrue(Files.exists(stale));
        assertTrue(ControlServer.sendAll(dir, "stop x").isEmpty());
        assertFalse(Files.exists(stale));
    }
}
