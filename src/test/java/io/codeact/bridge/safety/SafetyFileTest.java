package io.codeact.bridge.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.codeact.bridge.tools.RiskTier;
import io.codeact.bridge.tools.ToolSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safety files: what loads, and the file:line errors for what does not. */
class SafetyFileTest {
    @TempDir
    Path dir;

    private final ToolSet warehouse = ToolSet.load(List.of(Path.of("robot-tools/warehouse.yaml")));

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private String error(String yaml) throws IOException {
        Path f = write(yaml);
        return assertThrows(SafetyFileException.class, () -> SafetyPolicy.load(f).validateAgainst(warehouse)).getMessage();
    }

    @Test
    void theShippedSafetyFilesFitTheirWorlds() {
        for (String world : List.of("warehouse", "tabletop", "smart_home")) {
            SafetyPolicy p = SafetyPolicy.load(Path.of("safety", world + ".yaml"));
            ToolSet tools = ToolSet.load(List.of(Path.of("robot-tools", world + ".yaml")));
            assertTrue(p.validateAgainst(tools).tools().size() > 3, world);
        }
    }

    @Test
    void aFullFileLoads() throws IOException {
        SafetyPolicy p = SafetyPolicy.load(write("""
                expose: {allow: ["robot.*"], deny: ["robot.dock.undock"]}
                limits:
                  robot.base.drive.linear: {range: [-0.5, 0.5]}
                  robot.base.go_to.speed: {max: 0.4, clamp: true}
                rate_limits:
                  - {tools: "robot.base.*", max: 5, per_s: 1}
                geofence:
                  pose: robot.odom.pose
                  inside: [[0,0],[20,0],[20,12],[0,12]]
                  keep_out:
                    - {name: bay, polygon: [[1,1],[2,1],[2,2]]}
                confirm: {tiers: [irreversible, reversible], timeout_s: 5}
                """));
        ToolSet exposed = p.validateAgainst(warehouse);
        assertTrue(exposed.find("robot.dock.undock").isEmpty());
        assertEquals(0.5, p.limit(warehouse.find("robot.base.drive").get(), "linear").max());
        assertTrue(p.limit(warehouse.find("robot.base.go_to").get(), "speed").clamp());
        assertEquals(5, p.rateLimits().get(0).max());
        assertEquals("line", p.motion(warehouse.find("robot.base.go_to").get()).kind());   // inferred
        assertEquals("arc", p.motion(warehouse.find("robot.base.drive").get()).kind());
        assertTrue(p.needsConfirmation(warehouse.find("robot.base.drive").get()));
        assertEquals(5, p.confirmTimeout().toSeconds());
        assertTrue(p.neverGated(warehouse.find("robot.base.stop").get()));
        assertEquals(RiskTier.READ, warehouse.find("robot.odom.pose").get().risk());
    }

    @Test
    void typosAreErrorsWithFileAndLineNotSilentlyIgnoredLimits() throws IOException {
        String e = error("limits:\n  robot.base.drive.linaer: {max: 0.5}\n");
        assertTrue(e.contains("site.yaml:2") && e.contains("has no parameter 'linaer'") && e.contains("linear"), e);
        e = error("limits:\n  robot.base.driv.linear: {max: 0.5}\n");
        assertTrue(e.contains("site.yaml:2") && e.contains("no tool named robot.base.driv"), e);
        e = error("rate_limits:\n  - {tools: \"robt.*\", max: 3}\n");
        assertTrue(e.contains("site.yaml:2") && e.contains("matches no tool"), e);
        e = error("geofence:\n  pose: robot.odom.pos\n  inside: [[0,0],[1,0],[1,1]]\n");
        assertTrue(e.contains("no tool named robot.odom.pos"), e);
    }

    @Test
    void structuralErrorsNameTheLineTheFieldAndWhatToWrite() throws IOException {
        String e = error("limits:\n  robot.base.drive.linear: {range: [1.0, -1.0]}\n");
        assertTrue(e.contains("site.yaml:2") && e.contains("min 1.0 is above max -1.0"), e);
        e = error("geofenc: {pose: robot.odom.pose}\n");
        assertTrue(e.contains("site.yaml:1") && e.contains("unknown key 'geofenc'") && e.contains("geofence"), e);
        e = error("geofence:\n  pose: robot.odom.pose\n  inside: [[0,0],[1,0]]\n");
        assertTrue(e.contains("site.yaml:3") && e.contains("at least 3 [x, y] points"), e);
        e = error("confirm:\n  tiers: [dangerous]\n");
        assertTrue(e.contains("site.yaml:2") && e.contains("unknown risk tier 'dangerous'"), e);
        e = error("limits:\n  linear: {max: 1}\n");
        assertTrue(e.contains("must be <namespace>.<tool>.<parameter>"), e);
        e = error("limits: [1, 2\n");
        assertTrue(e.contains("site.yaml:") && e.contains("not valid YAML"), e);
        e = error("limits:\n  robot.base.drive.linear: {max: 0.5}\n  robot.base.go_to.speed: {min: 3, max: 1}\n"
                + "rate_limits:\n  - {tools: 5}\n");
        assertTrue(e.contains("2 problems") && e.contains("site.yaml:3") && e.contains("site.yaml:5"), e);
    }
}
