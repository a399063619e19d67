package io.codeact.bridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorldRegistryTest {
    @Test
    void createsTheBuiltInWorldsByName() {
        assertThat(WorldRegistry.standard().names()).containsExactly("warehouse", "tabletop", "smart_home", "toolbox");
        for (String name : WorldRegistry.standard().names()) {
            World w = Worlds.create(name, 7, Map.of());
            assertThat(w.name()).isEqualTo(name);
            assertThat(w.seed()).isEqualTo(7);
            assertThat(w.state()).containsEntry("world", name).containsEntry("seed", 7L);
            assertThat(w.apis()).isNotEmpty();
            assertThat(w.telemetry()).isNotEmpty();
        }
    }

    @Test
    void buildsAWorldFromATaskFilesYaml() throws Exception {
        String yaml = """
                world: warehouse
                seed: 7
                scenario:
                  random_obstacles: 2
                  docks:
                    - {name: bay_4, x: 19.4, y: 2.0, theta: 0}
                  robots:
                    - {name: r1, x: 2, y: 6, battery: 35.5}
                  lidar: {beams: 180, noise: 0.02}
                """;
        Map<String, Object> task = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readValue(yaml, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        World w = Worlds.create((String) task.get("world"), ((Number) task.get("seed")).longValue(), (Map<String, Object>) task.get("scenario"));
        assertThat(w.command("battery.level", Map.of())).containsEntry("percent", 35.5);
        assertThat(w.command("dock.list", Map.of()).toString()).contains("bay_4");
        assertThat((List<?>) w.command("lidar.scan", Map.of()).get("ranges")).hasSize(180);
    }

    @Test
    void namesTheKnownWorldsForAnUnknownOne() {
        assertThatThrownBy(() -> Worlds.create("moon_base", 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown world 'moon_base'; known worlds: warehouse, tabletop, smart_home, toolbox");
    }

    @Test
    void passesScenarioErrorsThrough() {
        assertThatThrownBy(() -> Worlds.create("warehouse", 1, Map.of("robots", List.of(Map.of("name", "r1", "x", 2, "y", 6, "battery", 140)))))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("warehouse scenario: robots[0].battery must be within 0.0..100.0 %, got 140.0")
                .extracting(e -> ((ScenarioException) e).field()).isEqualTo("robots[0].battery");
    }

    @Test
    void takesNewWorlds() {
        WorldRegistry registry = WorldRegistry.standard().register("big_warehouse",
                (seed, scenario) -> Worlds.create("warehouse", seed, Map.of("layout", "empty", "size", List.of(100, 100),
                        "robots", List.of(Map.of("name", "r1", "x", 50, "y", 50)))));
        assertThat(registry.create("big_warehouse", 3, Map.of()).name()).isEqualTo("warehouse");
    }

    @Test
    void blockingCommandsRunSimTimeAndInstantOnesDoNot() {
        World w = Worlds.create("warehouse", 1, Map.of());
        w.command("odom.pose", Map.of());
        assertThat(w.clock().seconds()).isZero();
        Map<String, Object> r = w.command("base.drive", Map.of("linear", 0.5, "duration", 2.0));
        assertThat(r.get("status")).isEqualTo("done");
        assertThat(w.clock().seconds()).isBetween(2.0, 3.0);
    }

    @Test
    void aRunningActivityHasNoResultYet() {
        World w = Worlds.create("tabletop", 1, Map.of());
        Activity move = w.start("arm.move_to", Map.of("x", 0.5, "y", 0.0, "z", 0.2));
        assertThat(move.done()).isFalse();
        assertThatThrownBy(move::result)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("arm.move_to is still running at t=0.0 s; step the world until done()");
        assertThat(w.await(move)).containsEntry("status", "reached");
    }
}
