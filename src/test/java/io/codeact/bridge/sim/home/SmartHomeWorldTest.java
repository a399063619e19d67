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

    @SuppressWarnings("unchecked")
    private Map<String, Object> history() {
        return (Map<String, Object>) home.state().get("history");
    }

    @Test
    @SuppressWarnings("unchecked")
    void historySamplesEveryTenSecondsAndAtEveryChange() {
        home.step(25);
        home.command("light.set", Map.of("room", "kitchen", "on", true));   // at 25.0 s, between two samples
        home.step(10);
        Map<String, Object> h = history();
        // 0.1 s: the heating switched on (18 °C, heat to 20 °C); 25 s: the light; the state at 35 s is state() itself
        assertThat(h.get("t")).isEqualTo(List.of(0.0, 0.1, 10.0, 20.0, 25.0, 30.0));
        assertThat(h.get("action")).isEqualTo(List.of("idle", "heating", "heating", "heating", "heating", "heating"));
        assertThat(((Map<String, Object>) h.get("lights")).get("kitchen")).isEqualTo(List.of(false, false, false, false, true, true));
        assertThat(((Map<String, Object>) h.get("lights")).get("living_room")).isEqualTo(List.of(true, true, true, true, true, true));
        assertThat(((Map<String, Object>) h.get("occupants")).get("living_room")).isEqualTo(List.of(1, 1, 1, 1, 1, 1));
        assertThat(h.get("locked")).isEqualTo(List.of(true, true, true, true, true, true));
        List<Double> temperature = (List<Double>) h.get("temperature");
        assertThat(temperature.get(0)).isEqualTo(18.0);
        assertThat(temperature.get(5)).isGreaterThan(18.0).isLessThan(home.thermal.temperature);
        assertThat(h.get("setpoint")).isEqualTo(List.of(20.0, 20.0, 20.0, 20.0, 20.0, 20.0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void historyShowsTheGarageMovingAndPeopleArriving() {
        SmartHomeWorld h = SmartHomeWorld.fromScenario(1, Map.of("people", List.of(
                Map.of("name", "bob", "home", false, "schedule", List.of(Map.of("at", 15, "go", "kitchen"))))));
        h.command("garage.open", Map.of());
        h.step(10);
        Map<String, Object> state = h.state();
        Map<String, Object> hist = (Map<String, Object>) state.get("history");
        List<Double> t = (List<Double>) hist.get("t");
        List<String> garage = (List<String>) hist.get("garage");
        List<Boolean> door = (List<Boolean>) hist.get("door_open");
        assertThat(garage.getFirst()).isEqualTo("opening");
        assertThat(garage.getLast()).isEqualTo("open");
        // bob arrives at 15 s: unlocks and opens the door for 4 s, then the door closes, each a sample at the change
        int arrived = t.indexOf(15.0);
        assertThat(arrived).as("a sample at the arrival, t = %s", t).isPositive();
        assertThat(door.get(arrived)).isTrue();
        assertThat(((List<Boolean>) hist.get("locked")).get(arrived)).isFalse();
        assertThat(((Map<String, List<Integer>>) hist.get("occupants")).get("kitchen").get(arrived)).isEqualTo(1);
        assertThat(door.get(t.indexOf(19.0))).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void historyStaysBoundedOverALongRunAndIsDeterministic() {
        home.step(6 * 3600.0);
        home.command("light.set", Map.of("room", "bedroom", "on", true));
        home.step(20 * 3600.0);
        List<Double> t = (List<Double>) history().get("t");
        assertThat(t.size()).isLessThan(HomeHistory.LIMIT);
        assertThat(t.getFirst()).isEqualTo(0.0);
        assertThat(t.getLast()).isCloseTo(26 * 3600.0, within(200.0));
        assertThat((double) history().get("interval")).isGreaterThan(HomeHistory.INTERVAL);
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i)).isGreaterThan(t.get(i - 1));
        }
        SmartHomeWorld again = SmartHomeWorld.create(SmartHomeScenario.standard(), 1);
        again.step(6 * 3600.0);
        again.command("light.set", Map.of("room", "bedroom", "on", true));
        again.step(20 * 3600.0);
        assertThat(again.state().get("history")).isEqualTo(history());
        home.reset(1);
        assertThat((List<Double>) history().get("t")).containsExactly(0.0);
    }
}
