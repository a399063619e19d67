package io.codeact.bridge.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.Worlds;
import io.codeact.bridge.sim.inprocess.SimToolInvoker;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate in front of the real in-process warehouse and smart-home simulators. */
class SafetyGateTest {
    private static final Path TOOLS = Path.of("robot-tools");

    @TempDir
    Path dir;

    private final ToolSet warehouse = ToolSet.load(List.of(TOOLS.resolve("warehouse.yaml")));
    private final World world = Worlds.create("warehouse", 7, Map.of());

    private SafetyPolicy policy(String yaml) throws IOException {
        Path f = dir.resolve("safety.yaml");
        Files.writeString(f, yaml);
        return SafetyPolicy.load(f);
    }

    private SafetyGate gate(SafetyPolicy p, ToolSet tools, World w) {
        return SafetyGate.builder(p, tools, new SimToolInvoker(w)).latch(new StopLatch())
                .confirmer(Confirmer.fixed(false, "test")).halter(w::halt).build();
    }

    private static Object call(SafetyGate g, String tool, Object... kv) {
        ToolDeclaration t = g.tools().find(tool).orElseThrow();
        Map<String, Object> args = new LinkedHashMap<>();
        t.params().forEach(p -> args.put(p.name(), p.defaultValue()));
        for (int i = 0; i < kv.length; i += 2) {
            args.put((String) kv[i], kv[i + 1]);
        }
        return g.invoke(t, args);
    }

    private Map<?, ?> truePose() {
        Map<?, ?> r = (Map<?, ?>) ((Map<?, ?>) world.state().get("robots")).values().iterator().next();
        return Map.of("x", r.get("x"), "y", r.get("y"), "theta", r.get("theta"));
    }

    @Test
    void aLimitTighterThanTheDeclarationRejectsAndTheRobotDoesNotMove() throws IOException {
        SafetyGate g = gate(policy("limits:\n  robot.base.drive.linear: {range: [-0.5, 0.5]}\n"), warehouse, world);
        Object before = truePose().toString();
        RobotException e = assertThrows(RobotException.class, () -> call(g, "robot.base.drive", "linear", 0.8, "duration", 1.0));
        assertEquals(RobotException.Kind.SAFETY_VIOLATION, e.kind());
        assertEquals("base.drive.linear.max", e.details().get("rule"));
        assertEquals(0.8, e.details().get("value"));
        assertEquals(0.5, e.details().get("limit"));
        assertTrue(e.getMessage().contains("safety.yaml:2"), e.getMessage());
        assertEquals(before, truePose().toString());
        assertEquals(1, g.violations());
        Map<?, ?> ok = (Map<?, ?>) call(g, "robot.base.drive", "linear", 0.4, "duration", 1.0);
        assertEquals("done", ok.get("status"), ok.toString());
    }

    @Test
    void aClampingLimitClampsAndRecordsIt() throws IOException {
        SafetyGate g = gate(policy("limits:\n  robot.base.drive.linear: {max: 0.3, clamp: true}\n"), warehouse, world);
        Object mark = g.mark();
        Map<?, ?> r = (Map<?, ?>) call(g, "robot.base.drive", "linear", 0.9, "duration", 2.0);
        double distance = ((Number) r.get("distance")).doubleValue();
        assertTrue(distance > 0.4 && distance < 0.7, "driven at 0.3 m/s for 2 s, got " + distance + " m");
        assertTrue(g.since(mark).contains("clamped to 0.3"), g.since(mark));
        assertEquals(0, g.violations());
    }

    @Test
    void keepOutZonesRefuseAPathThroughThemButNotAroundThem() throws IOException {
        Map<?, ?> pose = truePose();
        double x = ((Number) pose.get("x")).doubleValue();
        double y = ((Number) pose.get("y")).doubleValue();
        // a small zone 1 m ahead along +x
        String zone = String.format(java.util.Locale.ROOT, "[[%f,%f],[%f,%f],[%f,%f],[%f,%f]]",
                x + 0.8, y - 0.3, x + 1.2, y - 0.3, x + 1.2, y + 0.3, x + 0.8, y + 0.3);
        SafetyGate g = gate(policy("geofence:\n  pose: robot.odom.pose\n  keep_out:\n    - {name: spill, polygon: " + zone + "}\n"),
                warehouse, world);
        RobotException e = assertThrows(RobotException.class, () -> call(g, "robot.base.go_to", "x", x + 2.0, "y", y));
        assertEquals("geofence.keep_out.spill", e.details().get("rule"));
        assertTrue(e.getMessage().contains("keep-out zone 'spill'"), e.getMessage());
        // driving straight ahead for 3 s at 0.5 m/s crosses it too (predicted along the arc)
        RobotException d = assertThrows(RobotException.class,
                () -> call(g, "robot.base.drive", "linear", 0.5, "angular", 0.0, "duration", 3.0));
        assertEquals("geofence.keep_out.spill", d.details().get("rule"));
        // a short drive that stops before it passes
        Map<?, ?> ok = (Map<?, ?>) call(g, "robot.base.drive", "linear", 0.2, "duration", 1.0);
        assertEquals("done", ok.get("status"), ok.toString());
        assertEquals(2, g.violations());
    }

    @Test
    void theGeofenceKeepsTheRobotInside() throws IOException {
        SafetyGate g = gate(policy("geofence:\n  pose: robot.odom.pose\n  inside: [[1,1],[19,1],[19,11],[1,11]]\n"), warehouse, world);
        RobotException e = assertThrows(RobotException.class, () -> call(g, "robot.base.go_to", "x", 19.5, "y", 6.0));
        assertEquals("geofence.inside", e.details().get("rule"));
    }

    @Test
    void rateLimitsCountCallsInASlidingWindow() throws IOException {
        AtomicLong now = new AtomicLong();
        SafetyGate g = SafetyGate.builder(policy("rate_limits:\n  - {tools: \"robot.base.*\", max: 2, per_s: 1}\n"), warehouse,
                new SimToolInvoker(world)).latch(new StopLatch()).nanos(now::get).build();
        call(g, "robot.base.drive", "linear", 0.1, "duration", 0.1);
        call(g, "robot.base.drive", "linear", 0.1, "duration", 0.1);
        RobotException e = assertThrows(RobotException.class, () -> call(g, "robot.base.drive", "linear", 0.1, "duration", 0.1));
        assertEquals("rate.robot.base.*", e.details().get("rule"));
        for (int i = 0; i < 5; i++) {
            call(g, "robot.base.status"); // reads match the pattern but never count
        }
        now.addAndGet(1_000_000_001L);
        call(g, "robot.base.drive", "linear", 0.1, "duration", 0.1);
    }

    @Test
    void stopHaltsMotionLatchesAndOnlyAPersonResumes() throws IOException {
        StopLatch latch = new StopLatch();
        SafetyGate g = SafetyGate.builder(SafetyPolicy.defaults(), warehouse, new SimToolInvoker(world)).latch(latch)
                .halter(world::halt).build();
        world.start("base.set_velocity", Map.of("linear", 0.4, "lease", 10.0)); // runs until stopped
        world.step(0.5);
        assertEquals(true, world.command("base.status", Map.of()).get("moving"));
        latch.stop("operator");
        world.step(1.0); // coast to rest
        assertEquals(false, world.command("base.status", Map.of()).get("moving"));
        RobotException e = assertThrows(RobotException.class, () -> call(g, "robot.base.drive", "linear", 0.2));
        assertEquals("stop.latched", e.details().get("rule"));
        assertTrue(e.getMessage().contains("operator"), e.getMessage());
        assertEquals("stopped", ((Map<?, ?>) call(g, "robot.base.stop")).get("status")); // stop is never gated
        call(g, "robot.odom.pose"); // reads still work
        assertThrows(IllegalArgumentException.class, () -> latch.resume(" "));
        assertTrue(latch.stopped());
        latch.resume("alice");
        assertEquals("done", ((Map<?, ?>) call(g, "robot.base.drive", "linear", 0.2)).get("status"));
        g.close();
    }

    @Test
    void staleStateRefusesCommandsThatStartFromIt() throws IOException {
        // a binding that serves the pose from a telemetry cache reports its age; here it is 3 s old
        SimToolInvoker sim = new SimToolInvoker(world);
        io.codeact.bridge.tools.ToolInvoker cached = (tool, args) -> {
            Object r = sim.invoke(tool, args);
            if (tool.id().equals("odom.pose")) {
                Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) r);
                m.put("age_s", 3.0);
                return m;
            }
            return r;
        };
        SafetyGate g = SafetyGate.builder(SafetyPolicy.defaults(), warehouse, cached).latch(new StopLatch()).build();
        RobotException e = assertThrows(RobotException.class, () -> call(g, "robot.base.go_to", "x", 5.0, "y", 5.0));
        assertEquals("freshness.base.go_to", e.details().get("rule"));
        assertEquals(3.0, e.details().get("value"));
        assertEquals(1.0, e.details().get("limit"));
        assertTrue(e.getMessage().contains("3 s old"), e.getMessage());
        // drive declares no freshness: it does not depend on the pose
        assertEquals("done", ((Map<?, ?>) call(g, "robot.base.drive", "linear", 0.2)).get("status"));
    }

    @Test
    void irreversibleCallsWaitForAPersonAndADenialLeavesTheDoorLocked() {
        World home = Worlds.create("smart_home", 7, Map.of());
        ToolSet homeTools = ToolSet.load(List.of(TOOLS.resolve("smart_home.yaml")));
        home.command("lock.lock", Map.of());
        SafetyGate denied = SafetyGate.builder(SafetyPolicy.defaults(), homeTools, new SimToolInvoker(home))
                .latch(new StopLatch()).confirmer(Confirmer.fixed(false, "bob")).build();
        RobotException e = assertThrows(RobotException.class, () -> call(denied, "home.lock.unlock"));
        assertEquals("confirm.irreversible", e.details().get("rule"));
        assertEquals(true, home.command("lock.state", Map.of()).get("locked"));
        SafetyGate approved = SafetyGate.builder(SafetyPolicy.defaults(), homeTools, new SimToolInvoker(home))
                .latch(new StopLatch()).confirmer(Confirmer.fixed(true, "bob")).build();
        call(approved, "home.lock.unlock");
        assertEquals(false, home.command("lock.state", Map.of()).get("locked"));
        // reversible calls are not asked about
        call(denied, "home.light.set", "room", "kitchen", "on", true);
    }

    @Test
    void deniedToolsDoNotExistForTheModel() throws IOException {
        SafetyGate g = gate(policy("expose:\n  deny: [\"robot.dock.*\"]\n"), warehouse, world);
        assertTrue(g.tools().find("robot.dock.dock").isEmpty());
        assertTrue(g.tools().find("robot.base.drive").isPresent());
        assertFalse(g.pyApis().toString().contains("dock"));
    }

    @Test
    void everyCommandRefusalAndStopIsAuditedInTheEpisodeLog() throws IOException {
        StopLatch latch = new StopLatch();
        SafetyGate g = SafetyGate.builder(policy("limits:\n  robot.base.drive.linear: {max: 0.5}\n"), warehouse,
                new SimToolInvoker(world)).latch(latch).halter(world::halt).build();
        Path file = dir.resolve("episode.jsonl");
        try (EpisodeLog log = EpisodeLog.open(file)) {
            g.attach(log);
            call(g, "robot.base.drive", "linear", 0.3);
            assertThrows(RobotException.class, () -> call(g, "robot.base.drive", "linear", 0.9));
            latch.stop("test operator");
            latch.resume("alice");
        }
        List<String> events = Files.readAllLines(file).stream().filter(l -> l.contains("\"type\":\"safety\""))
                .map(l -> l.replaceAll(".*\"event\":\"([a-z_]+)\".*", "$1")).toList();
        assertEquals(List.of("command", "rejected", "stop", "resume"), events.stream().filter(e -> !e.equals("halt")).toList());
        String text = Files.readString(file);
        assertTrue(text.contains("\"by\":\"test operator\""), text);
        assertTrue(text.contains("\"rule\":\"base.drive.linear.max\""), text);
    }
}
