package io.codeact.bridge.sim.home;

import io.codeact.bridge.sim.internal.ScenarioMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the YAML/map form of a {@link SmartHomeScenario}. */
final class SmartHomeScenarioReader {
    private SmartHomeScenarioReader() {}

    static SmartHomeScenario read(Map<String, ?> values) {
        ScenarioMap m = ScenarioMap.root(SmartHomeScenario.WORLD, values).allow(
                "rooms", "indoor_temperature", "outdoor_temperature", "outdoor_swing", "time_constant", "thermostat",
                "locked", "garage", "people", "random_presence", "temperature_noise", "tick");
        SmartHomeScenario.Builder b = SmartHomeScenario.standardBuilder();
        if (m.has("rooms")) {
            b.clearRooms();
            for (ScenarioMap r : m.list("rooms")) {
                r.allow("name", "light_on", "brightness");
                boolean on = r.bool("light_on", false);
                b.room(r.text("name"), on, r.number("brightness", on ? 100 : 0));
            }
        }
        b.indoorTemperature(m.number("indoor_temperature", b.indoor));
        b.outdoorTemperature(m.number("outdoor_temperature", b.outdoor));
        b.outdoorSwing(m.number("outdoor_swing", b.swing));
        b.timeConstant(m.number("time_constant", b.timeConstant));
        ScenarioMap t = m.map("thermostat").allow("setpoint", "mode", "heating_rate", "cooling_rate", "hysteresis");
        SmartHomeScenario.Thermostat th = b.thermostat;
        b.thermostat(new SmartHomeScenario.Thermostat(t.number("setpoint", th.setpoint()), t.text("mode", th.mode()),
                t.number("heating_rate", th.heatingRate()), t.number("cooling_rate", th.coolingRate()),
                t.number("hysteresis", th.hysteresis())));
        b.locked(m.bool("locked", b.locked));
        ScenarioMap g = m.map("garage").allow("travel_seconds", "open");
        b.garage(g.number("travel_seconds", b.garageTravel), g.bool("open", b.garageOpen));
        if (m.has("people")) {
            b.clearPeople();
            for (ScenarioMap p : m.list("people")) {
                p.allow("name", "home", "room", "schedule");
                List<SmartHomeScenario.Event> events = new ArrayList<>();
                for (ScenarioMap e : p.list("schedule")) {
                    e.allow("at", "go");
                    events.add(new SmartHomeScenario.Event(e.number("at"), e.text("go")));
                }
                boolean home = p.bool("home", true);
                b.person(p.text("name"), home, p.text("room", null), events);
            }
        }
        ScenarioMap rp = m.map("random_presence").allow("horizon", "mean_interval");
        if (m.has("random_presence")) {
            b.randomPresence(rp.number("horizon", 7200), rp.number("mean_interval", 900));
        }
        b.temperatureNoise(m.number("temperature_noise", b.temperatureNoise));
        b.tick(m.number("tick", b.tick));
        return b.build();
    }
}
