package io.codeact.bridge.sim.home;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.internal.CommandArgs;
import io.codeact.bridge.sim.internal.CommandTable;
import io.codeact.bridge.sim.internal.Fields;
import io.codeact.bridge.sim.internal.RunningActivity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The smart home's commands and sensor readings. */
final class SmartHomeApi {
    private final SmartHomeWorld w;

    SmartHomeApi(SmartHomeWorld world) {
        this.w = world;
    }

    CommandTable table() {
        return new CommandTable("smart_home")
                .add("light.set", List.of("room", "on", "brightness"), this::setLight)
                .add("light.state", List.of("room"), this::lightState)
                .add("thermostat.set", List.of("setpoint", "mode"), this::setThermostat)
                .add("thermostat.state", List.of(), this::thermostatState)
                .add("lock.lock", List.of(), this::lock)
                .add("lock.unlock", List.of(), this::unlock)
                .add("lock.state", List.of(), a -> Activity.completed(a.api(), lockState()))
                .add("garage.open", List.of(), a -> garage(a, +1))
                .add("garage.close", List.of(), a -> garage(a, -1))
                .add("garage.state", List.of(), a -> Activity.completed(a.api(), w.garageResult(w.garage.state())))
                .add("sensor.read", List.of("name"), this::readSensor)
                .add("sensor.list", List.of(), this::listSensors)
                .add("presence.who_is_home", List.of(), this::whoIsHome)
                .add("home.rooms", List.of(), a -> Activity.completed(a.api(), Fields.of("rooms", List.copyOf(w.rooms.keySet()))));
    }

    private double now() {
        return Fields.mm(w.clock().seconds());
    }

    private String room(CommandArgs a) {
        String room = a.text("room");
        if (!w.rooms.containsKey(room)) {
            throw a.bad("unknown room '" + room + "'; rooms: " + String.join(", ", w.rooms.keySet()));
        }
        return room;
    }

    private Activity setLight(CommandArgs a) {
        String room = room(a);
        boolean on = a.bool("on");
        SmartHomeWorld.RoomState r = w.rooms.get(room);
        double brightness = a.number("brightness", on ? (r.brightness > 0 ? r.brightness : 100) : r.brightness, 0, 100, "%");
        if (on && brightness == 0) {
            throw a.bad("brightness must be > 0 % to switch a light on; use on=False to switch it off");
        }
        r.lightOn = on;
        r.brightness = brightness;
        w.changed();
        return Activity.completed(a.api(), lightMap(room));
    }

    private Map<String, Object> lightMap(String room) {
        SmartHomeWorld.RoomState r = w.rooms.get(room);
        return Fields.of("room", room, "on", r.lightOn, "brightness", r.brightness);
    }

    private Activity lightState(CommandArgs a) {
        if (a.has("room")) {
            return Activity.completed(a.api(), lightMap(room(a)));
        }
        Map<String, Object> lights = new LinkedHashMap<>();
        for (String room : w.rooms.keySet()) {
            Map<String, Object> m = lightMap(room);
            m.remove("room");
            lights.put(room, m);
        }
        return Activity.completed(a.api(), Fields.of("lights", lights));
    }

    private Activity setThermostat(CommandArgs a) {
        if (!a.has("setpoint") && !a.has("mode")) {
            throw a.bad("give a setpoint (10..30 °C), a mode (heat, cool, auto, off) or both");
        }
        double setpoint = a.number("setpoint", w.thermal.setpoint, 10, 30, "°C");
        String mode = a.text("mode", w.thermal.mode);
        if (!SmartHomeScenario.MODES.contains(mode)) {
            throw a.bad("mode must be one of heat, cool, auto, off; got '" + mode + "'");
        }
        w.thermal.setpoint = setpoint;
        w.thermal.mode = mode;
        w.changed();
        return thermostatState(a);
    }

    private Activity thermostatState(CommandArgs a) {
        ThermalModel t = w.thermal;
        return Activity.completed(a.api(), Fields.of("setpoint", t.setpoint, "mode", t.mode,
                "temperature", Fields.round(t.temperature + w.noise.nextGaussian() * w.scenario().temperatureNoise(), 1),
                "action", t.action(), "t", now()));
    }

    private Map<String, Object> lockState() {
        return Fields.of("locked", w.locked, "door", w.doorOpen() ? "open" : "closed", "t", now());
    }

    private Activity lock(CommandArgs a) {
        if (w.doorOpen()) {
            throw a.impossible("the front door is open (someone is passing through), so the bolt cannot engage; try again in a few seconds");
        }
        if (!w.locked) {
            w.locked = true;
            w.log(w.clock().seconds(), "locked", "api");
            w.changed();
        }
        return Activity.completed(a.api(), lockState());
    }

    private Activity unlock(CommandArgs a) {
        if (w.locked) {
            w.locked = false;
            w.log(w.clock().seconds(), "unlocked", "api");
            w.changed();
        }
        return Activity.completed(a.api(), lockState());
    }

    private Activity garage(CommandArgs a, int direction) {
        GarageDoor g = w.garage;
        String goal = direction > 0 ? "open" : "closed";
        if (g.activity != null) {
            g.activity.finish(w.garageResult("preempted"));
            g.activity = null;
        }
        if ((direction > 0 && g.position >= 1) || (direction < 0 && g.position <= 0)) {
            g.direction = 0;
            return Activity.completed(a.api(), w.garageResult(goal));
        }
        g.direction = direction;
        w.log(w.clock().seconds(), "garage", g.state());
        w.changed();
        double remaining = (direction > 0 ? 1 - g.position : g.position) * g.travelSeconds;
        g.activity = new RunningActivity(a.api(), w.clock(), remaining + 5, null);
        return g.activity;
    }

    private Activity readSensor(CommandArgs a) {
        String name = a.text("name");
        if (!w.sensorNames.contains(name)) {
            throw a.bad("unknown sensor '" + name + "'; sensors: " + String.join(", ", w.sensorNames));
        }
        return Activity.completed(a.api(), read(w, name));
    }

    private Activity listSensors(CommandArgs a) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : w.sensorNames) {
            String kind = name.substring(name.lastIndexOf('.') + 1);
            out.add(Fields.of("name", name, "kind", kind, "unit", kind.equals("temperature") ? "°C" : null));
        }
        return Activity.completed(a.api(), Fields.of("sensors", out));
    }

    private Activity whoIsHome(CommandArgs a) {
        List<String> home = w.residents.stream().filter(r -> r.home).map(r -> r.name).toList();
        return Activity.completed(a.api(), Fields.of("people", home, "count", home.size(), "t", now()));
    }

    /** Every sensor name: {@code <room>.motion}, {@code <room>.temperature}, then the house-wide ones. */
    static List<String> sensorNames(SmartHomeWorld w) {
        List<String> names = new java.util.ArrayList<>();
        for (String room : w.rooms.keySet()) {
            names.add(room + ".motion");
            names.add(room + ".temperature");
        }
        names.add("outdoor.temperature");
        names.add("front_door.contact");
        names.add("garage.contact");
        return List.copyOf(names);
    }

    /** One reading with noise where a real sensor has it. */
    static Map<String, Object> read(SmartHomeWorld w, String name) {
        double t = Fields.mm(w.clock().seconds());
        double sigma = w.scenario().temperatureNoise();
        int dot = name.lastIndexOf('.');
        String where = name.substring(0, dot);
        String what = name.substring(dot + 1);
        return switch (what) {
            case "motion" -> Fields.of("name", name, "kind", "motion", "value", !w.occupants(where).isEmpty(), "unit", null, "t", t);
            case "temperature" -> {
                double truth = where.equals("outdoor") ? w.thermal.outdoor(w.clock().seconds()) : w.roomTemperature(where);
                yield Fields.of("name", name, "kind", "temperature", "value", Fields.round(truth + w.noise.nextGaussian() * sigma, 1),
                        "unit", "°C", "t", t);
            }
            default -> {
                boolean open = where.equals("front_door") ? w.doorOpen() : w.garage.position > 0;
                yield Fields.of("name", name, "kind", "contact", "value", open ? "open" : "closed", "unit", null, "t", t);
            }
        };
    }
}
