package io.codeact.bridge.sim.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.ScenarioException;
import io.codeact.bridge.sim.SimCommandException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmartHomeWorldTest {
    private final SmartHomeWorld home = SmartHomeWorld.create(SmartHomeScenario.standard(), 1);

    @Test
    void heatingBringsTheHouseToTheSetpointAndHoldsIt() {
        home.command("thermostat.set", Map.of("setpoint", 21.0, "mode", "heat"));
        assertThat(home.thermal.action()).isEqualTo("idle");
        home.step(1);
        assertThat(home.thermal.action()).isEqualTo("heating");
        home.step(2 * 3600);
        assertThat(home.thermal.temperature).isCloseTo(21.0, within(0.35));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < 3600; i++) {
            home.step(1);
            min = Math.min(min, home.thermal.temperature);
            max = Math.max(max, home.thermal.temperature);
        }
        assertThat(min).isGreaterThan(21 - 0.35);
        assertThat(max).isLessThan(21 + 0.35);
    }

    @Test
    void withTheThermostatOffTheHouseDriftsTowardTheOutdoorTemperature() {
        home.command("thermostat.set", Map.of("mode", "off"));
        home.step(7200);
        // one time constant: 63 % of the way from 18 °C to 5 °C
        assertThat(home.thermal.temperature).isCloseTo(5 + 13 * Math.exp(-1), within(0.05));
    }

    @Test
    void coolingLowersAWarmHouse() {
        SmartHomeWorld hot = SmartHomeWorld.fromScenario(1, Map.of("indoor_temperature", 28, "outdoor_temperature", 32,
                "thermostat", Map.of("mode", "cool", "setpoint", 24)));
        hot.step(3 * 3600);
        assertThat(hot.thermal.temperature).isCloseTo(24, within(0.35));
        assertThat((double) hot.state().get("energy_wh")).isGreaterThan(1000);
    }

    @Test
    void theGarageDoorTakesTimeToOpen() {
        Activity open = home.start("garage.open", Map.of());
        home.step(6);
        assertThat(open.done()).isFalse();
        assertThat(home.command("garage.state", Map.of())).containsEntry("state", "opening").containsEntry("position", 0.5);
        assertThat(home.command("sensor.read", Map.of("name", "garage.contact"))).containsEntry("value", "open");
        home.step(6);
        assertThat(open.result()).containsEntry("status", "open").containsEntry("position", 1.0);
        Map<String, Object> close = home.command("garage.close", Map.of());
        assertThat(close).containsEntry("status", "closed").containsEntry("t", 24.0);
    }

    @Test
    void theGarageDoorCanBeReversedMidWay() {
        Activity open = home.start("garage.open", Map.of());
        home.step(3);
        Map<String, Object> closed = home.command("garage.close", Map.of());
        assertThat(open.result()).containsEntry("status", "preempted");
        assertThat(closed).containsEntry("status", "closed").containsEntry("t", 6.0);
    }

    @Test
    void lightsSwitchAndDim() {
        assertThat(home.command("light.set", Map.of("room", "kitchen", "on", true)))
                .isEqualTo(Map.of("room", "kitchen", "on", true, "brightness", 100.0));
        home.command("light.set", Map.of("room", "kitchen", "on", true, "brightness", 30));
        home.command("light.set", Map.of("room", "living_room", "on", false));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> lights = (Map<String, Map<String, Object>>) home.command("light.state", Map.of()).get("lights");
        assertThat(lights.get("kitchen")).containsEntry("on", true).containsEntry("brightness", 30.0);
        assertThat(lights.get("living_room")).containsEntry("on", false);
        assertThatThrownBy(() -> home.command("light.set", Map.of("room", "garden", "on", true)))
                .hasMessage("light.set: unknown room 'garden'; rooms: living_room, kitchen, bedroom, bathroom, hallway");
        assertThatThrownBy(() -> home.command("light.set", Map.of("room", "kitchen", "on", true, "brightness", 150)))
                .hasMessage("light.set: brightness must be within 0.0..100.0 %, got 150.0");
    }

    @Test
    void lightsUseEnergyOnlyWhileOn() {
        home.command("thermostat.set", Map.of("mode", "off"));
        home.step(3600);
        double withLights = (double) home.state().get("energy_wh");
        assertThat(withLights).isCloseTo(10 * 0.8 + 10 * 0.4, within(0.01));
        for (String room : List.of("living_room", "hallway")) {
            home.command("light.set", Map.of("room", room, "on", false));
        }
        home.step(3600);
        assertThat((double) home.state().get("energy_wh")).isCloseTo(withLights, within(1e-9));
    }

    @Test
    void peopleComeAndGoOnTheirScript() {
        SmartHomeWorld h = SmartHomeWorld.fromScenario(2, Map.of("people", List.of(
                Map.of("name", "alice", "home", true, "room", "kitchen", "schedule", List.of(Map.of("at", 60, "go", "away"))),
                Map.of("name", "bob", "home", false, "schedule", List.of(Map.of("at", 120, "go", "home"), Map.of("at", 180, "go", "bedroom"))))));
        assertThat(h.command("presence.who_is_home", Map.of())).containsEntry("people", List.of("alice"));
        assertThat(h.command("sensor.read", Map.of("name", "kitchen.motion"))).containsEntry("value", true);
        h.step(61);
        assertThat(h.command("presence.who_is_home", Map.of())).containsEntry("people", List.of()).containsEntry("count", 0);
        assertThat(h.command("sensor.read", Map.of("name", "front_door.contact"))).containsEntry("value", "open");
        assertThat(h.command("sensor.read", Map.of("name", "kitchen.motion"))).containsEntry("value", false);
        h.step(60);
        assertThat(h.command("presence.who_is_home", Map.of())).containsEntry("people", List.of("bob"));
        assertThat(h.command("lock.state", Map.of())).containsEntry("locked", false);
        assertThat(h.command("sensor.read", Map.of("name", "hallway.motion"))).containsEntry("value", true);
        h.step(60);
        assertThat(h.command("sensor.read", Map.of("name", "bedroom.motion"))).containsEntry("value", true);
    }

    @Test
    void theLockCannotEngageWhileTheDoorIsOpen() {
        SmartHomeWorld h = SmartHomeWorld.fromScenario(2, Map.of("locked", false, "people", List.of(
                Map.of("name", "alice", "schedule", List.of(Map.of("at", 10, "go", "away"))))));
        h.step(11);
        assertThatThrownBy(() -> h.command("lock.lock", Map.of()))
                .isInstanceOf(SimCommandException.class)
                .hasMessage("lock.lock: the front door is open (someone is passing through), so the bolt cannot engage; try again in a few seconds");
        h.step(4);
        assertThat(h.command("lock.lock", Map.of())).containsEntry("locked", true).containsEntry("door", "closed");
    }

    @Test
    void randomPresenceIsFixedBySeed() {
        Map<String, Object> scenario = Map.of("random_presence", Map.of("horizon", 14400, "mean_interval", 600));
        assertThat(events(scenario, 7)).isEqualTo(events(scenario, 7));
        assertThat(events(scenario, 7)).isNotEqualTo(events(scenario, 8));
        assertThat(events(scenario, 7)).isNotEqualTo(List.of());
    }

    private static Object events(Map<String, Object> scenario, long seed) {
        SmartHomeWorld h = SmartHomeWorld.fromScenario(seed, scenario);
        h.step(14400);
        return h.state().get("events");
    }

    @Test
    void sensorsReadWithNoiseAndNameTheirUnits() {
        Map<String, Object> r = home.command("sensor.read", Map.of("name", "kitchen.temperature"));
        assertThat(r).containsEntry("kind", "temperature").containsEntry("unit", "°C");
        assertThat((double) r.get("value")).isCloseTo(18, within(1.0));
        assertThatThrownBy(() -> home.command("sensor.read", Map.of("name", "attic.temperature")))
                .hasMessageStartingWith("sensor.read: unknown sensor 'attic.temperature'; sensors: living_room.motion, living_room.temperature,");
        assertThat(home.telemetry()).containsKeys("kitchen/temperature", "garage/contact", "thermostat/state", "light/kitchen");
    }

    @Test
    void thermostatNeedsSomethingToSet() {
        assertThatThrownBy(() -> home.command("thermostat.set", Map.of()))
                .hasMessage("thermostat.set: give a setpoint (10..30 °C), a mode (heat, cool, auto, off) or both");
        assertThatThrownBy(() -> home.command("thermostat.set", Map.of("mode", "warm")))
                .hasMessage("thermostat.set: mode must be one of heat, cool, auto, off; got 'warm'");
        assertThatThrownBy(() -> home.command("thermostat.set", Map.of("setpoint", 35)))
                .hasMessage("thermostat.set: setpoint must be within 10.0..30.0 °C, got 35.0");
    }

    @Test
    void scenarioErrorsNameTheField() {
        assertThatThrownBy(() -> SmartHomeScenario.fromMap(Map.of("thermostat", Map.of("mode", "warm"))))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("smart_home scenario: thermostat.mode must be one of heat, cool, auto, off; got 'warm'");
        assertThatThrownBy(() -> SmartHomeScenario.fromMap(Map.of("people", List.of(Map.of("name", "carol", "room", "attic")))))
                .hasMessage("smart_home scenario: people[0].room 'attic' is not a room; rooms: living_room, kitchen, bedroom, bathroom, hallway");
        assertThatThrownBy(() -> SmartHomeScenario.fromMap(Map.of("people", List.of(Map.of("name", "carol",
                "schedule", List.of(Map.of("at", 100, "go", "away"), Map.of("at", 50, "go", "home")))))))
                .hasMessage("smart_home scenario: people[0].schedule[1].at must not be earlier than the event before it (100.0 s)");
        assertThatThrownBy(() -> SmartHomeScenario.fromMap(Map.of("garage", Map.of("travel_seconds", 0))))
                .hasMessage("smart_home scenario: garage.travel_seconds must be within 0.5..120.0 s, got 0.0");
    }

    @Test
    void sameSeedGivesTheSameRun() {
        assertThat(run(3)).isEqualTo(run(3));
    }

    private static Map<String, Object> run(long seed) {
        SmartHomeWorld h = SmartHomeWorld.fromScenario(seed, Map.of("random_presence", Map.of()));
        h.step(3600);
        Map<String, Object> out = new java.util.LinkedHashMap<>(h.state());
        out.put("telemetry", h.telemetry());
        return out;
    }
}
