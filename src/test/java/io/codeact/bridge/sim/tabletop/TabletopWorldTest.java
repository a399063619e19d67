package io.codeact.bridge.sim.tabletop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.ScenarioException;
import io.codeact.bridge.sim.SimCommandException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TabletopWorldTest {
    private final TabletopWorld w = TabletopWorld.create(TabletopScenario.standard(), 1);

    private Map<String, Object> move(double x, double y, double z) {
        return w.command("arm.move_to", Map.of("x", x, "y", y, "z", z));
    }

    private Block block(String name) {
        return w.find(name);
    }

    private void pick(String name) {
        Block b = block(name);
        move(b.x, b.y, 0.2);
        move(b.x, b.y, b.z);
        assertThat(w.command("gripper.close", Map.of())).containsEntry("holding", name);
        move(b.x, b.y, 0.2);
    }

    @Test
    void aBlockPlacedOnAnotherRestsOnTop() {
        pick("green_block");
        move(0.45, -0.2, 0.2);
        Map<String, Object> r = w.command("gripper.open", Map.of());
        assertThat(r).containsEntry("released", "green_block").containsEntry("landed_on", "red_block");
        assertThat(block("green_block").z).isCloseTo(0.05 + 0.02, within(1e-9));
        assertThat(w.state().get("stacks")).isEqualTo(List.of(List.of("red_block", "green_block")));
    }

    @Test
    void aBlockReleasedInTheAirFallsToTheTable() {
        pick("blue_block");
        move(0.3, -0.1, 0.4);
        assertThat(w.command("gripper.open", Map.of())).containsEntry("landed_on", "table").containsEntry("z", 0.015);
    }

    @Test
    void aBlockWhoseCentreOverhangsTipsOffItsSupport() {
        pick("blue_block");
        move(0.45 + 0.03, -0.2, 0.2); // centre 3 cm off a 5 cm block: beyond its 2.5 cm half-width
        Map<String, Object> r = w.command("gripper.open", Map.of());
        assertThat(r).containsEntry("landed_on", "table");
        Block blue = block("blue_block");
        assertThat(blue.x).isCloseTo(0.45 + 0.025 + 0.015 + 0.001, within(1e-9));
        assertThat(blue.z).isCloseTo(0.015, within(1e-9));
    }

    @Test
    void aBlockReleasedOverABinIsInTheBin() {
        pick("red_block");
        move(0.7, -0.35, 0.2);
        assertThat(w.command("gripper.open", Map.of())).containsEntry("landed_on", "red_bin").containsEntry("in_bin", "red_bin");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> blocks = (Map<String, Map<String, Object>>) w.state().get("blocks");
        assertThat(blocks.get("red_block")).containsEntry("in_bin", "red_bin");
    }

    @Test
    void aBlockDroppedOffTheTableLandsOnTheFloor() {
        pick("blue_block");
        move(0.5, -0.62, 0.2);
        assertThat(w.command("gripper.open", Map.of())).containsEntry("landed_on", "floor");
    }

    @Test
    void theGripperCannotHoldTwoBlocks() {
        pick("green_block");
        Block red = block("red_block");
        move(red.x, red.y, 0.2);
        assertThatThrownBy(() -> w.command("gripper.close", Map.of()))
                .isInstanceOf(SimCommandException.class)
                .hasMessage("gripper.close: gripper is already holding green_block; open it first (gripper.open()) to release it");
    }

    @Test
    void closingWithNoBlockBetweenTheFingersHoldsNothing() {
        move(0.3, 0.0, 0.1);
        Map<String, Object> r = w.command("gripper.close", Map.of());
        assertThat(r).containsEntry("holding", null);
        assertThat((String) r.get("reason")).startsWith("no block between the fingers at (0.3, 0.0, 0.1)");
    }

    @Test
    void aBlockWithAnotherOnTopCannotBeGrasped() {
        pick("green_block");
        move(0.45, -0.2, 0.2);
        w.command("gripper.open", Map.of());
        move(0.45, -0.2, 0.025);
        assertThat(w.command("gripper.close", Map.of()))
                .containsEntry("holding", null).containsEntry("reason", "red_block has green_block on top of it; take that off first");
    }

    @Test
    void theCameraSeesOnlyBlocksInViewAndNotCovered() {
        TabletopWorld t = TabletopWorld.fromScenario(3, Map.of("blocks", List.of(
                Map.of("name", "seen", "color", "red", "size", 0.05, "x", 0.5, "y", 0.0),
                Map.of("name", "hidden_under", "color", "blue", "size", 0.04, "x", 0.5, "y", 0.3),
                Map.of("name", "on_top", "color", "green", "size", 0.05, "on", "hidden_under"),
                Map.of("name", "out_of_view", "color", "yellow", "size", 0.04, "x", 0.1, "y", 0.2))));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) t.command("camera.detect", Map.of()).get("blocks");
        assertThat(blocks).extracting(b -> b.get("name")).containsExactly("seen", "on_top");
        assertThat((double) blocks.get(0).get("x")).isCloseTo(0.5, within(0.015));
        assertThat((double) blocks.get(1).get("z")).isCloseTo(0.04 + 0.025, within(0.015));
    }

    @Test
    void aWristCameraSeesOnlyWhatIsUnderTheGripper() {
        TabletopWorld t = TabletopWorld.fromScenario(3, Map.of("camera", Map.of("mount", "wrist", "fov", 60)));
        t.command("arm.move_to", Map.of("x", 0.55, "y", 0.0, "z", 0.1));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) t.command("camera.detect", Map.of()).get("blocks");
        assertThat(blocks).extracting(b -> b.get("name")).containsExactly("green_block");
    }

    @Test
    void movingTakesTimeProportionalToDistance() {
        double t0 = w.clock().seconds();
        move(0.5, 0.0, 0.3);
        double first = w.clock().seconds() - t0;
        move(0.5, 0.0, 0.1);
        double second = w.clock().seconds() - t0 - first;
        assertThat(first).isCloseTo(0.2 / 0.2, within(0.011));
        assertThat(second).isCloseTo(0.2 / 0.2, within(0.011));
        w.command("arm.move_to", Map.of("x", 0.5, "y", 0.4, "z", 0.1, "speed", 0.4));
        assertThat(w.clock().seconds() - t0 - first - second).isCloseTo(0.4 / 0.4, within(0.011));
    }

    @Test
    void refusesTargetsOutOfReachOrBelowTheTable() {
        assertThatThrownBy(() -> move(1.2, 0.0, 0.1))
                .hasMessage("arm.move_to: target (1.2, 0.0, 0.1) is out of reach: 1.2 m from the shoulder at (0.0, 0.0, 0.1); "
                        + "the arm reaches 0.12..0.85 m from it, with 0 ≤ z ≤ 0.6 m (arm.workspace())");
        assertThatThrownBy(() -> move(0.4, 0.0, -0.01))
                .hasMessage("arm.move_to: target (0.4, 0.0, -0.01) is below the table top (z = 0 m); the gripper tip can go down to z = 0");
        assertThatThrownBy(() -> w.command("arm.move_to", Map.of("x", 0.4, "y", 0.0)))
                .hasMessage("arm.move_to: missing argument 'z'");
    }

    @Test
    void stopsTheArmWhenTheLeaseExpires() {
        Activity a = w.start("arm.move_to", Map.of("x", 0.5, "y", 0.4, "z", 0.1, "lease", 0.5));
        w.step(3);
        assertThat(a.result()).containsEntry("status", "lease_expired");
        assertThat(w.arm.moving()).isFalse();
        double y = w.arm.y;
        w.step(1);
        assertThat(w.arm.y).isEqualTo(y);
    }

    @Test
    void aHeldBlockStopsAtContactWithAnotherBlock() {
        pick("green_block");
        move(0.45, -0.2, 0.2);
        Map<String, Object> r = move(0.45, -0.2, 0.03);
        assertThat(r).containsEntry("status", "contact").containsEntry("contact_with", "red_block").containsEntry("holding", "green_block");
        assertThat(block("green_block").bottom()).isGreaterThanOrEqualTo(0.05 - 1e-6);
    }

    @Test
    void sameSeedGivesTheSameRun() {
        assertThat(run(5)).isEqualTo(run(5));
        assertThat(run(5)).isNotEqualTo(run(6));
    }

    private static Map<String, Object> run(long seed) {
        TabletopWorld t = TabletopWorld.fromScenario(seed, Map.of("random_blocks", 3));
        Map<String, Object> out = new java.util.LinkedHashMap<>(t.state());
        out.put("detections", t.command("camera.detect", Map.of()));
        return out;
    }

    @Test
    void scenarioErrorsNameTheField() {
        assertThatThrownBy(() -> TabletopScenario.fromMap(Map.of("blocks", List.of(
                Map.of("name", "a", "color", "red", "x", 0.5, "y", 0.0),
                Map.of("name", "b", "color", "red", "x", 0.51, "y", 0.0)))))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("tabletop scenario: blocks[1] at (0.51, 0.0) overlaps a; move it or give on: a to stack it");
        assertThatThrownBy(() -> TabletopScenario.fromMap(Map.of("camera", Map.of("mount", "ceiling"))))
                .hasMessage("tabletop scenario: camera.mount must be 'overhead' or 'wrist', got 'ceiling'");
        assertThatThrownBy(() -> TabletopScenario.fromMap(Map.of("blokcs", List.of())))
                .hasMessageStartingWith("tabletop scenario: blokcs is not a known field; known fields here: table, arm,");
        assertThatThrownBy(() -> TabletopScenario.fromMap(Map.of("blocks", List.of(Map.of("name", "a", "color", "red", "size", 0.5, "x", 0.5, "y", 0.0)))))
                .hasMessage("tabletop scenario: blocks[0].size must be within 0.01..0.15 m, got 0.5");
    }

    @SuppressWarnings("unchecked")
    private List<List<Double>> path() {
        return (List<List<Double>>) ((Map<String, Object>) w.state().get("arm")).get("path");
    }

    @Test
    void recordsTheTipPathWithTheCornerOfEveryMove() {
        move(0.45, -0.2, 0.2);
        move(0.45, -0.2, 0.1);
        List<List<Double>> path = path();
        assertThat(path.getFirst()).containsExactly(0.3, 0.0, 0.3);
        assertThat(path).contains(List.of(0.45, -0.2, 0.2));
        assertThat(path.getLast()).containsExactly(0.45, -0.2, 0.1);
        // 0.25 m at 0.2 m/s, sampled every 5 ticks of 10 ms: about one point per centimetre
        assertThat(path.size()).isBetween(20, 40);
        w.reset(1);
        assertThat(path()).containsExactly(List.of(0.3, 0.0, 0.3));
    }

    @Test
    void theTipPathStaysBoundedOverManyMoves() {
        for (int i = 0; i < 400; i++) {
            move(0.3 + (i % 2) * 0.3, (i % 3) * 0.1, 0.2);
        }
        assertThat(path().size()).isLessThan(Arm.PATH_LIMIT);
        assertThat(path().getLast()).containsExactly(0.6, 0.0, 0.2);
    }
}
