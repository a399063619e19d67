package io.codeact.bridge.sim.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.sim.ScenarioException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarehouseScenarioTest {
    @Test
    void anEmptyMapIsTheStandardLayout() {
        WarehouseScenario s = WarehouseScenario.fromMap(Map.of());
        assertThat(s.width()).isEqualTo(20);
        assertThat(s.docks()).extracting(WarehouseScenario.Dock::name).containsExactly("bay_1", "bay_2", "bay_3");
        assertThat(s.solids("shelf")).extracting(WarehouseScenario.Solid::name).containsExactly("shelf_a", "shelf_b", "shelf_c", "shelf_d");
        assertThat(s.robots()).extracting(WarehouseScenario.RobotStart::name).containsExactly("r1");
    }

    @Test
    void theMapFormAndTheBuilderAgree() {
        WarehouseScenario fromMap = WarehouseScenario.fromMap(Map.of(
                "layout", "empty", "size", List.of(12, 8),
                "shelves", List.of(Map.of("name", "s1", "x", 6, "y", 4, "width", 4, "depth", 1, "access", List.of(6, 2.5))),
                "docks", List.of(Map.of("name", "d1", "x", 1, "y", 1)),
                "robots", List.of(Map.of("name", "r1", "x", 2, "y", 6, "battery", 60)),
                "robot", Map.of("max_speed", 0.5),
                "lidar", Map.of("beams", 90, "fov", 180)));
        WarehouseScenario built = WarehouseScenario.builder().size(12, 8)
                .shelf("s1", 6, 4, 4, 1, 6, 2.5)
                .dock("d1", 1, 1, 0)
                .robot("r1", 2, 6, 0, 60)
                .robotSpec(new WarehouseScenario.RobotSpec(0.3, 0.5, 1.5, 1.0, 3.0))
                .lidar(new WarehouseScenario.LidarSpec(90, 180, 0.1, 10, 0.01))
                .build();
        assertThat(fromMap.robot()).isEqualTo(built.robot());
        assertThat(fromMap.lidar()).isEqualTo(built.lidar());
        assertThat(fromMap.docks()).isEqualTo(built.docks());
        assertThat(fromMap.places()).isEqualTo(built.places());
        assertThat(fromMap.robots()).isEqualTo(built.robots());
    }

    @Test
    void errorsNameTheField() {
        assertError(Map.of("robot", Map.of("max_speed", -1)), "warehouse scenario: robot.max_speed must be > 0 m/s, got -1.0");
        assertError(Map.of("robots", List.of(Map.of("name", "r1", "x", 6, "y", 4))),
                "warehouse scenario: robots[0] at (6.0, 4.0) overlaps shelf_a for a robot of radius 0.3 m; move it to a free spot");
        assertError(Map.of("robots", List.of(Map.of("name", "r1", "x", 2, "y", 6), Map.of("name", "r1", "x", 2, "y", 8))),
                "warehouse scenario: robots[1].name 'r1' is used twice; robot names must be unique");
        assertError(Map.of("lidar", Map.of("beams", 0)), "warehouse scenario: lidar.beams must be within 1.0..4096.0, got 0.0");
        assertError(Map.of("lidar", Map.of("range_max", 0.05)), "warehouse scenario: lidar.range_max must be greater than range_min (0.1 m), got 0.05");
        assertError(Map.of("layout", "maze"), "warehouse scenario: layout must be 'standard' or 'empty', got 'maze'");
        assertError(Map.of("size", List.of(5, 5)), "warehouse scenario: size can only be set with layout: empty (the standard layout is 20 × 12 m)");
        assertError(Map.of("docks", List.of(Map.of("name", "far", "x", 30, "y", 1))),
                "warehouse scenario: docks[0] at (30.0, 1.0) is outside the floor 0..20.0 × 0..12.0 m");
        assertError(Map.of("robots", List.of(Map.of("name", "r1", "x", "two", "y", 6))),
                "warehouse scenario: robots[0].x must be a number, got 'two'");
        assertError(Map.of("obstacles", List.of(Map.of("name", "o", "x", 15, "y", 10, "width", 1))),
                "warehouse scenario: obstacles[0].depth is required");
        assertError(Map.of("shelves", List.of(Map.of("name", "shelf_e", "x", 6, "y", 10, "width", 2, "access", List.of(6, 11.8)))),
                "warehouse scenario: shelves[0].access at (6.0, 11.8) overlaps wall_north for a robot of radius 0.3 m; move it to a free spot");
        assertError(Map.of("obstacles", List.of(Map.of("name", "shelf_a", "x", 15, "y", 10, "width", 1, "depth", 1))),
                "warehouse scenario: obstacles[0].name 'shelf_a' is used twice; names must be unique");
        assertError(Map.of("robots", List.of(Map.of("name", "r1", "x", 2, "y", 6, "speed", 1))),
                "warehouse scenario: robots[0].speed is not a known field; known fields here: name, x, y, theta, battery");
    }

    private static void assertError(Map<String, ?> scenario, String message) {
        assertThatThrownBy(() -> WarehouseScenario.fromMap(scenario)).isInstanceOf(ScenarioException.class).hasMessage(message);
    }
}
