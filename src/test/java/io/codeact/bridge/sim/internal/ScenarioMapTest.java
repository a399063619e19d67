package io.codeact.bridge.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.sim.ScenarioException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioMapTest {
    @Test
    void errorsCarryTheYamlPathOfTheField() {
        ScenarioMap root = ScenarioMap.root("demo", Map.of("items", List.of(Map.of("x", 1), Map.of("x", "far"))));
        ScenarioMap second = root.list("items").get(1);
        assertThatThrownBy(() -> second.number("x", 0))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("demo scenario: items[1].x must be a number, got 'far'")
                .extracting(e -> ((ScenarioException) e).field()).isEqualTo("items[1].x");
        assertThatThrownBy(() -> ScenarioMap.root("demo", Map.of("items", 3)).list("items"))
                .hasMessage("demo scenario: items must be a list, got 3");
        assertThatThrownBy(() -> ScenarioMap.root("demo", Map.of("p", List.of(1))).point("p", 2))
                .hasMessage("demo scenario: p must be a point [x, y] in metres, got [1]");
    }

    @Test
    void rejectsUnknownFieldsListingTheKnownOnes() {
        assertThatThrownBy(() -> ScenarioMap.root("demo", Map.of("sise", 3)).allow("size", "tick"))
                .hasMessage("demo scenario: sise is not a known field; known fields here: size, tick");
    }

    @Test
    void readsNestedMapsAndDefaults() {
        ScenarioMap m = ScenarioMap.root("demo", Map.of("lidar", Map.of("beams", 90)));
        assertThat(m.map("lidar").integer("beams", 360)).isEqualTo(90);
        assertThat(m.map("odometry").number("noise", 0.5)).isEqualTo(0.5);
        assertThat(m.map("lidar").field("beams")).isEqualTo("lidar.beams");
        assertThatThrownBy(() -> ScenarioMap.root("demo", Map.of("n", 2.5)).integer("n", 0))
                .hasMessage("demo scenario: n must be a whole number, got 2.5");
    }
}
