package io.codeact.bridge.sim.home;

import io.codeact.bridge.sim.ScenarioException;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.internal.Fields;
import io.codeact.bridge.sim.internal.TickedWorld;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A smart home: dimmable lights per room, a thermostat over a one-zone thermal model, a front door
 * lock, a garage door that takes seconds to travel, motion/temperature/contact sensors, and people who
 * come and go on a script (given or drawn from the seed). Arriving people unlock the front door with
 * their key and leave it unlocked; lights use power and so do heating and cooling. Default tick 0.1 s.
 * See docs/SIMULATORS.md for the APIs.
 *
 * <pre>{@code
 * SmartHomeWorld h = SmartHomeWorld.create(SmartHomeScenario.standard(), 3);
 * h.command("thermostat.set", Map.of("setpoint", 21.0, "mode", "heat"));
 * h.step(1800);
 * h.command("sensor.read", Map.of("name", "kitchen.temperature"));
 * }</pre>
 *
 * Not thread-safe; see {@link World}.
 */
public final class SmartHomeWorld extends TickedWorld<SmartHomeScenario> {
    static final double DOOR_OPEN_SECONDS = 4;
    private static final double LIGHT_WATTS = 10;
    private static final double HEATER_WATTS = 2000;
    private static final double COOLER_WATTS = 1500;
    private static final int EVENT_LIMIT = 500;

    /** A room's light and its sensors' fixed offset from the house temperature. */
    static final class RoomState {
        boolean lightOn;
        double brightness;
        double offset;
    }

    final Map<String, RoomState> rooms = new LinkedHashMap<>();
    List<String> sensorNames = List.of();
    ThermalModel thermal;
    boolean locked;
    double doorOpenUntil = -1;
    GarageDoor garage;
    final List<Resident> residents = new ArrayList<>();
    double energyWh;
    final List<Map<String, Object>> events = new ArrayList<>();
    final HomeHistory history = new HomeHistory();
    SplittableRandom noise;

    private SmartHomeWorld(SmartHomeScenario scenario, long seed) {
        super("smart_home", scenario, scenario.tick());
        serve(new SmartHomeApi(this).table());
        reset(seed);
    }

    public static SmartHomeWorld create(SmartHomeScenario scenario, long seed) {
        return new SmartHomeWorld(scenario, seed);
    }

    /**
     * @throws ScenarioException naming the bad field
     */
    public static SmartHomeWorld fromScenario(long seed, Map<String, ?> scenario) {
        return create(SmartHomeScenario.fromMap(scenario), seed);
    }

    @Override
    protected void tick(double dt) {
        double t = clock().seconds();
        for (Resident r : residents) {
            while (r.next < r.script.size() && r.script.get(r.next).at() <= t) {
                move(r, r.script.get(r.next++).go(), t);
            }
        }
        thermal.tick(dt, t);
        if (garage.tick(dt)) {
            history.dirty();
            log(t, "garage", garage.state());
            if (garage.activity != null) {
                garage.activity.finish(garageResult(garage.state()));
                garage.activity = null;
            }
        }
        double watts = 0;
        for (RoomState room : rooms.values()) {
            watts += room.lightOn ? LIGHT_WATTS * room.brightness / 100 : 0;
        }
        watts += thermal.heating ? HEATER_WATTS : thermal.cooling ? COOLER_WATTS : 0;
        energyWh += watts * dt / 3600;
        history.afterTick(this, t);
    }

    /** A command changed the house: the history gets a sample at once. */
    void changed() {
        history.sample(this, clock().seconds());
    }

    private void move(Resident r, String go, double t) {
        history.dirty();
        if (go.equals("away")) {
            if (r.home) {
                r.home = false;
                r.room = null;
                openDoor(t);
                log(t, "left", r.name);
            }
            return;
        }
        if (!r.home) {
            if (locked) {
                locked = false;
                log(t, "unlocked", r.name);
            }
            openDoor(t);
            r.home = true;
            r.room = entryRoom();
            log(t, "arrived", r.name);
        }
        if (!go.equals("home")) {
            r.room = go;
        }
    }

    private String entryRoom() {
        return rooms.containsKey("hallway") ? "hallway" : rooms.keySet().iterator().next();
    }

    private void openDoor(double t) {
        doorOpenUntil = t + DOOR_OPEN_SECONDS;
    }

    boolean doorOpen() {
        return clock().seconds() < doorOpenUntil;
    }

    void log(double t, String kind, String detail) {
        if (events.size() < EVENT_LIMIT) {
            events.add(Fields.of("t", Fields.round(t, 1), "event", kind, "detail", detail));
        }
    }

    @Override
    public Map<String, Object> halt(String reason) {
        List<String> halted = new ArrayList<>();
        if (garage.direction != 0) {
            halted.add("garage");
            garage.direction = 0;
            log(clock().seconds(), "garage", "stopped (" + reason + ")");
        }
        if (garage.activity != null) {
            garage.activity.finish(garageResult("stopped"));
            garage.activity = null;
        }
        changed();
        return Fields.of("halted", halted, "reason", reason);
    }

    Map<String, Object> garageResult(String status) {
        return Fields.of("status", status, "state", garage.state(), "position", Fields.round(garage.position, 3),
                "t", Fields.mm(clock().seconds()));
    }

    @Override
    protected void resetState(SplittableRandom root) {
        SplittableRandom offsets = root.split();
        SplittableRandom presence = root.split();
        noise = root.split();
        rooms.clear();
        for (SmartHomeScenario.Room r : scenario.rooms()) {
            RoomState s = new RoomState();
            s.lightOn = r.lightOn();
            s.brightness = r.brightness();
            s.offset = (offsets.nextDouble() - 0.5) * 1.0;
            rooms.put(r.name(), s);
        }
        sensorNames = SmartHomeApi.sensorNames(this);
        thermal = new ThermalModel(scenario);
        locked = scenario.locked();
        doorOpenUntil = -1;
        garage = new GarageDoor(scenario.garageTravelSeconds(), scenario.garageOpen());
        residents.clear();
        for (SmartHomeScenario.Person p : scenario.people()) {
            List<SmartHomeScenario.Event> script = new ArrayList<>(p.schedule());
            if (scenario.randomPresence().enabled()) {
                script.addAll(randomScript(presence.split(), p.home()));
                script.sort(Comparator.comparingDouble(SmartHomeScenario.Event::at));
            }
            residents.add(new Resident(p.name(), p.home(), p.room() == null ? entryRoom() : p.room(), script));
        }
        energyWh = 0;
        events.clear();
        history.reset();
        changed();
    }

    private List<SmartHomeScenario.Event> randomScript(SplittableRandom random, boolean home) {
        List<SmartHomeScenario.Event> out = new ArrayList<>();
        List<String> names = List.copyOf(rooms.keySet());
        double t = 0;
        SmartHomeScenario.RandomPresence rp = scenario.randomPresence();
        while (true) {
            t += -Math.log(1 - random.nextDouble()) * rp.meanInterval();
            if (t > rp.horizon()) {
                return out;
            }
            double at = Math.round(t);
            if (!home) {
                out.add(new SmartHomeScenario.Event(at, "home"));
                home = true;
            } else if (random.nextDouble() < 0.3) {
                out.add(new SmartHomeScenario.Event(at, "away"));
                home = false;
            } else {
                out.add(new SmartHomeScenario.Event(at, names.get(random.nextInt(names.size()))));
            }
        }
    }

    double roomTemperature(String room) {
        return thermal.temperature + rooms.get(room).offset;
    }

    List<String> occupants(String room) {
        return residents.stream().filter(r -> r.home && room.equals(r.room)).map(r -> r.name).toList();
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> roomStates = new LinkedHashMap<>();
        rooms.forEach((name, r) -> roomStates.put(name, Fields.of("light_on", r.lightOn, "brightness", r.brightness,
                "temperature", roomTemperature(name), "occupants", occupants(name))));
        Map<String, Object> people = new LinkedHashMap<>();
        for (Resident r : residents) {
            people.put(r.name, Fields.of("home", r.home, "room", r.room));
        }
        double t = clock().seconds();
        return Fields.of(
                "world", name(),
                "seed", seed(),
                "t", t,
                "temperature", thermal.temperature,
                "outdoor_temperature", thermal.outdoor(t),
                "rooms", roomStates,
                "thermostat", Fields.of("setpoint", thermal.setpoint, "mode", thermal.mode, "action", thermal.action()),
                "lock", Fields.of("locked", locked),
                "front_door", Fields.of("open", doorOpen()),
                "garage", Fields.of("state", garage.state(), "position", garage.position),
                "people", people,
                "home_count", residents.stream().filter(r -> r.home).count(),
                "lights_on", rooms.values().stream().filter(r -> r.lightOn).count(),
                "energy_wh", energyWh,
                "events", List.copyOf(events),
                "history", history.toMap(List.copyOf(rooms.keySet())));
    }

    @Override
    public Map<String, Object> telemetry() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String sensor : sensorNames) {
            out.put(sensor.replace('.', '/'), SmartHomeApi.read(this, sensor));
        }
        double t = Fields.mm(clock().seconds());
        out.put("thermostat/state", Fields.of("setpoint", thermal.setpoint, "mode", thermal.mode, "action", thermal.action(), "t", t));
        out.put("lock/state", Fields.of("locked", locked, "t", t));
        out.put("garage/state", Fields.of("state", garage.state(), "position", Fields.round(garage.position, 3), "t", t));
        rooms.forEach((name, r) -> out.put("light/" + name, Fields.of("on", r.lightOn, "brightness", r.brightness, "t", t)));
        return out;
    }

    @Override
    public String toString() {
        return "SmartHomeWorld[seed=" + seed() + ", t=" + clock().seconds() + " s, rooms=" + rooms.keySet() + "]";
    }
}
