package io.codeact.bridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link World#halt}: the emergency stop ends whatever runs, in every world, and is never refused. */
class WorldHaltTest {

    @Test
    void warehouseBaseStopsAndItsDriveEndsStopped() {
        World w = Worlds.create("warehouse", 3, Map.of());
        Activity drive = w.start("base.drive", Map.of("linear", 0.5, "duration", 10.0));
        for (int i = 0; i < 10; i++) { // the live controller renews the lease
            drive.renewLease();
            w.step(0.1);
        }
        Map<String, Object> halted = w.halt("test");
        assertEquals(List.of("r1/base"), halted.get("halted"), halted.toString());
        w.runUntil(drive::done, 5);
        assertEquals("stopped", drive.result().get("status"));
        w.step(2.0); // coast to rest
        Map<?, ?> status = w.command("base.status", Map.of());
        assertEquals(false, status.get("moving"), status.toString());
    }

    @Test
    void tabletopArmStops() {
        World w = Worlds.create("tabletop", 3, Map.of());
        Activity move = w.start("arm.move_to", Map.of("x", 0.5, "y", 0.4, "z", 0.1, "speed", 0.1));
        move.renewLease();
        w.step(0.2);
        assertEquals(List.of("arm"), w.halt("test").get("halted"));
        assertTrue(move.done());
        assertEquals("stopped", move.result().get("status"));
    }

    @Test
    void garageDoorStopsMidWayAndHaltWithNothingRunningIsHarmless() {
        World w = Worlds.create("smart_home", 3, Map.of());
        assertEquals(List.of(), w.halt("idle").get("halted"));
        Activity open = w.start("garage.open", Map.of());
        w.step(2.0);
        assertEquals(List.of("garage"), w.halt("test").get("halted"));
        assertTrue(open.done());
        assertEquals("stopped", open.result().get("status"));
        w.step(5.0);
        Map<?, ?> garage = w.command("garage.state", Map.of());
        assertEquals("stopped", garage.get("state"), garage.toString());
    }
}
