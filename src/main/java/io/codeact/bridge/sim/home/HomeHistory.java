package io.codeact.bridge.sim.home;

import io.codeact.bridge.sim.internal.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The house over time, for plots: a sample every {@link #INTERVAL} s of sim time and one at every change
 * of a light, the thermostat, the lock, the front door, the garage, the heating or where people are. At
 * {@link #LIMIT} samples every other one is dropped and the interval doubles, so memory stays bounded
 * over any run length (a change between two kept samples then shows at the next kept one). Deterministic:
 * samples depend only on sim time and the world's state. Read in columns by {@link #toMap}.
 */
final class HomeHistory {
    static final double INTERVAL = 10;
    static final int LIMIT = 1000;

    private record Sample(double t, double temperature, double outdoor, double setpoint, String mode, String action,
            boolean locked, boolean doorOpen, String garage, double garagePosition, boolean[] lights, int[] occupants,
            int home) {}

    private final List<Sample> samples = new ArrayList<>();
    private double interval = INTERVAL;
    private double next;
    private boolean doorOpen;
    private String action = "";
    private boolean dirty;

    void reset() {
        dirty = false;
        samples.clear();
        interval = INTERVAL;
        next = 0;
        doorOpen = false;
        action = "";
    }

    /** Something changed during a tick (people moved, the garage stopped): the tick's end is sampled. */
    void dirty() {
        dirty = true;
    }

    /** After each tick: samples when the interval has passed or something changed. */
    void afterTick(SmartHomeWorld w, double t) {
        if (dirty || t >= next - 1e-9 || w.doorOpen() != doorOpen || !w.thermal.action().equals(action)) {
            sample(w, t);
        }
    }

    /** Samples now; a second sample at the same sim time replaces the first. */
    void sample(SmartHomeWorld w, double t) {
        List<String> names = List.copyOf(w.rooms.keySet());
        boolean[] lights = new boolean[names.size()];
        int[] occupants = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            lights[i] = w.rooms.get(names.get(i)).lightOn;
        }
        int home = 0;
        for (Resident r : w.residents) {
            if (r.home) {
                home++;
                int i = names.indexOf(r.room);
                if (i >= 0) {
                    occupants[i]++;
                }
            }
        }
        dirty = false;
        doorOpen = w.doorOpen();
        action = w.thermal.action();
        Sample s = new Sample(t, w.thermal.temperature, w.thermal.outdoor(t), w.thermal.setpoint, w.thermal.mode, action,
                w.locked, doorOpen, w.garage.state(), w.garage.position, lights, occupants, home);
        if (!samples.isEmpty() && samples.get(samples.size() - 1).t() >= t - 1e-9) {
            samples.set(samples.size() - 1, s);
        } else {
            samples.add(s);
        }
        while (next <= t + 1e-9) {
            next += interval;
        }
        if (samples.size() >= LIMIT) {
            List<Sample> kept = new ArrayList<>();
            for (int i = 0; i < samples.size() - 1; i += 2) {
                kept.add(samples.get(i));
            }
            kept.add(samples.get(samples.size() - 1));
            samples.clear();
            samples.addAll(kept);
            interval *= 2;
        }
    }

    /**
     * Columns of equal length: {@code t}, {@code temperature} (house, °C), {@code outdoor_temperature},
     * {@code setpoint}, {@code mode}, {@code action}, {@code locked}, {@code door_open}, {@code garage},
     * {@code garage_position}, {@code home_count}, {@code lights: {room: [on…]}}, {@code occupants: {room: [n…]}}.
     */
    Map<String, Object> toMap(List<String> rooms) {
        int n = samples.size();
        List<Double> t = new ArrayList<>(n);
        List<Double> temperature = new ArrayList<>(n);
        List<Double> outdoor = new ArrayList<>(n);
        List<Double> setpoint = new ArrayList<>(n);
        List<String> mode = new ArrayList<>(n);
        List<String> actions = new ArrayList<>(n);
        List<Boolean> locked = new ArrayList<>(n);
        List<Boolean> door = new ArrayList<>(n);
        List<String> garage = new ArrayList<>(n);
        List<Double> position = new ArrayList<>(n);
        List<Integer> home = new ArrayList<>(n);
        Map<String, Object> lights = new LinkedHashMap<>();
        Map<String, Object> occupants = new LinkedHashMap<>();
        List<List<Boolean>> lightColumns = new ArrayList<>();
        List<List<Integer>> occupantColumns = new ArrayList<>();
        for (String room : rooms) {
            List<Boolean> l = new ArrayList<>(n);
            List<Integer> o = new ArrayList<>(n);
            lights.put(room, l);
            occupants.put(room, o);
            lightColumns.add(l);
            occupantColumns.add(o);
        }
        for (Sample s : samples) {
            t.add(Fields.round(s.t(), 1));
            temperature.add(Fields.mm(s.temperature()));
            outdoor.add(Fields.mm(s.outdoor()));
            setpoint.add(s.setpoint());
            mode.add(s.mode());
            actions.add(s.action());
            locked.add(s.locked());
            door.add(s.doorOpen());
            garage.add(s.garage());
            position.add(Fields.mm(s.garagePosition()));
            home.add(s.home());
            for (int i = 0; i < rooms.size(); i++) {
                lightColumns.get(i).add(i < s.lights().length && s.lights()[i]);
                occupantColumns.get(i).add(i < s.occupants().length ? s.occupants()[i] : 0);
            }
        }
        return Fields.of("interval", interval, "t", t, "temperature", temperature, "outdoor_temperature", outdoor,
                "setpoint", setpoint, "mode", mode, "action", actions, "locked", locked, "door_open", door,
                "garage", garage, "garage_position", position, "home_count", home, "lights", lights, "occupants", occupants);
    }
}
