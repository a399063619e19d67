package io.codeact.bridge.sim.home;

import static io.codeact.bridge.sim.internal.ScenarioChecks.nonNegative;
import static io.codeact.bridge.sim.internal.ScenarioChecks.positive;
import static io.codeact.bridge.sim.internal.ScenarioChecks.within;

import io.codeact.bridge.sim.ScenarioException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A house: rooms (each with a dimmable light, a motion sensor and a temperature sensor), a thermostat
 * over a one-zone thermal model, a front door with a lock, a garage door, and people who come and go
 * on a schedule (given, or drawn from the seed). Units: °C, s, %. Immutable and validated: {@link
 * Builder#build()} and {@link #fromMap} throw {@link ScenarioException} naming the YAML field.
 *
 * <pre>{@code
 * SmartHomeScenario s = SmartHomeScenario.standardBuilder().outdoorTemperature(-5).build();
 * }</pre>
 */
public record SmartHomeScenario(
        List<Room> rooms,
        double indoorTemperature,
        double outdoorTemperature,
        double outdoorSwing,
        double timeConstant,
        Thermostat thermostat,
        boolean locked,
        double garageTravelSeconds,
        boolean garageOpen,
        List<Person> people,
        RandomPresence randomPresence,
        double temperatureNoise,
        double tick) {

    static final String WORLD = "smart_home";
    static final List<String> MODES = List.of("heat", "cool", "auto", "off");

    /** A room and its light's initial state (brightness in %). */
    public record Room(String name, boolean lightOn, double brightness) {}

    /** Setpoint (°C), mode, heating/cooling rates (°C/s while running) and the on/off hysteresis (°C). */
    public record Thermostat(double setpoint, String mode, double heatingRate, double coolingRate, double hysteresis) {}

    /** One scripted move: at {@code at} s the person goes {@code away}, comes {@code home}, or walks to a room. */
    public record Event(double at, String go) {}

    /** A person: home or not at the start, in which room, and their script. */
    public record Person(String name, boolean home, String room, List<Event> schedule) {
        public Person {
            schedule = List.copyOf(schedule);
        }
    }

    /** Draws each person's comings and goings from the seed up to {@code horizon} s, one move per {@code meanInterval} s on average. */
    public record RandomPresence(boolean enabled, double horizon, double meanInterval) {}

    public static SmartHomeScenario standard() {
        return standardBuilder().build();
    }

    /** Five rooms, alice at home in the living room, bob away; 18 °C inside, 5 °C outside; thermostat heat at 20 °C. */
    public static Builder standardBuilder() {
        return new Builder()
                .room("living_room", true, 80)
                .room("kitchen", false, 0)
                .room("bedroom", false, 0)
                .room("bathroom", false, 0)
                .room("hallway", true, 40)
                .person("alice", true, "living_room", List.of())
                .person("bob", false, null, List.of());
    }

    /** An empty builder (no rooms, no people). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the YAML/map form; an empty map gives {@link #standard()}.
     *
     * @throws ScenarioException naming the field for any bad or unknown value
     */
    public static SmartHomeScenario fromMap(Map<String, ?> map) {
        return SmartHomeScenarioReader.read(map);
    }

    /** Builds a validated {@link SmartHomeScenario}. */
    public static final class Builder {
        final List<Room> rooms = new ArrayList<>();
        double indoor = 18;
        double outdoor = 5;
        double swing = 0;
        double timeConstant = 7200;
        Thermostat thermostat = new Thermostat(20, "heat", 0.005, 0.005, 0.3);
        boolean locked = true;
        double garageTravel = 12;
        boolean garageOpen = false;
        final List<Person> people = new ArrayList<>();
        RandomPresence randomPresence = new RandomPresence(false, 7200, 900);
        double temperatureNoise = 0.1;
        double tick = 0.1;

        Builder() {}

        public Builder room(String name, boolean lightOn, double brightness) {
            rooms.add(new Room(name, lightOn, brightness));
            return this;
        }

        public Builder clearRooms() {
            rooms.clear();
            return this;
        }

        public Builder indoorTemperature(double celsius) {
            this.indoor = celsius;
            return this;
        }

        public Builder outdoorTemperature(double celsius) {
            this.outdoor = celsius;
            return this;
        }

        /** Daily sinusoidal swing of the outdoor temperature, ± °C (coldest at t = 0). */
        public Builder outdoorSwing(double celsius) {
            this.swing = celsius;
            return this;
        }

        /** How fast the house drifts toward the outdoor temperature: time constant in s (default 7200). */
        public Builder timeConstant(double seconds) {
            this.timeConstant = seconds;
            return this;
        }

        public Builder thermostat(Thermostat thermostat) {
            this.thermostat = thermostat;
            return this;
        }

        public Builder locked(boolean locked) {
            this.locked = locked;
            return this;
        }

        public Builder garage(double travelSeconds, boolean open) {
            this.garageTravel = travelSeconds;
            this.garageOpen = open;
            return this;
        }

        public Builder person(String name, boolean home, String room, List<Event> schedule) {
            people.add(new Person(name, home, room, schedule));
            return this;
        }

        public Builder clearPeople() {
            people.clear();
            return this;
        }

        public Builder randomPresence(double horizonSeconds, double meanIntervalSeconds) {
            this.randomPresence = new RandomPresence(true, horizonSeconds, meanIntervalSeconds);
            return this;
        }

        public Builder temperatureNoise(double celsius) {
            this.temperatureNoise = celsius;
            return this;
        }

        public Builder tick(double seconds) {
            this.tick = seconds;
            return this;
        }

        /**
         * @throws ScenarioException naming the first bad field
         */
        public SmartHomeScenario build() {
            if (rooms.isEmpty()) {
                throw new ScenarioException(WORLD, "rooms", "needs at least one room");
            }
            Set<String> roomNames = new HashSet<>();
            for (int i = 0; i < rooms.size(); i++) {
                Room r = rooms.get(i);
                String f = "rooms[" + i + "]";
                if (r.name() == null || r.name().isBlank() || !r.name().matches("[a-z][a-z0-9_]*")) {
                    throw new ScenarioException(WORLD, f + ".name", "must be a lower_snake_case name, got '" + r.name() + "'");
                }
                if (!roomNames.add(r.name())) {
                    throw new ScenarioException(WORLD, f + ".name", "'" + r.name() + "' is used twice; room names must be unique");
                }
                within(WORLD, f + ".brightness", r.brightness(), 0, 100, "%");
            }
            within(WORLD, "indoor_temperature", indoor, -30, 50, "°C");
            within(WORLD, "outdoor_temperature", outdoor, -50, 50, "°C");
            within(WORLD, "outdoor_swing", swing, 0, 30, "°C");
            positive(WORLD, "time_constant", timeConstant, "s");
            within(WORLD, "thermostat.setpoint", thermostat.setpoint(), 10, 30, "°C");
            if (!MODES.contains(thermostat.mode())) {
                throw new ScenarioException(WORLD, "thermostat.mode", "must be one of heat, cool, auto, off; got '" + thermostat.mode() + "'");
            }
            positive(WORLD, "thermostat.heating_rate", thermostat.heatingRate(), "°C/s");
            positive(WORLD, "thermostat.cooling_rate", thermostat.coolingRate(), "°C/s");
            within(WORLD, "thermostat.hysteresis", thermostat.hysteresis(), 0.01, 5, "°C");
            within(WORLD, "garage.travel_seconds", garageTravel, 0.5, 120, "s");
            nonNegative(WORLD, "temperature_noise", temperatureNoise, "°C");
            within(WORLD, "tick", tick, 0.01, 1, "s");
            if (randomPresence.enabled()) {
                positive(WORLD, "random_presence.horizon", randomPresence.horizon(), "s");
                within(WORLD, "random_presence.mean_interval", randomPresence.meanInterval(), 10, 1e6, "s");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                String f = "people[" + i + "]";
                if (p.name() == null || p.name().isBlank()) {
                    throw new ScenarioException(WORLD, f + ".name", "is required");
                }
                if (!names.add(p.name())) {
                    throw new ScenarioException(WORLD, f + ".name", "'" + p.name() + "' is used twice");
                }
                if (p.room() != null && !roomNames.contains(p.room())) {
                    throw new ScenarioException(WORLD, f + ".room", "'" + p.room() + "' is not a room; rooms: " + String.join(", ", roomNames(rooms)));
                }
                double last = -1;
                for (int j = 0; j < p.schedule().size(); j++) {
                    Event e = p.schedule().get(j);
                    String ef = f + ".schedule[" + j + "]";
                    nonNegative(WORLD, ef + ".at", e.at(), "s");
                    if (e.at() < last) {
                        throw new ScenarioException(WORLD, ef + ".at", "must not be earlier than the event before it (" + last + " s)");
                    }
                    last = e.at();
                    if (!e.go().equals("away") && !e.go().equals("home") && !roomNames.contains(e.go())) {
                        throw new ScenarioException(WORLD, ef + ".go", "must be 'away', 'home' or a room (" + String.join(", ", roomNames(rooms)) + "), got '" + e.go() + "'");
                    }
                }
            }
            return new SmartHomeScenario(List.copyOf(rooms), indoor, outdoor, swing, timeConstant, thermostat, locked,
                    garageTravel, garageOpen, List.copyOf(people), randomPresence, temperatureNoise, tick);
        }

        private static List<String> roomNames(List<Room> rooms) {
            return rooms.stream().map(Room::name).toList();
        }
    }
}
