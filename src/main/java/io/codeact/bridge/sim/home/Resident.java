package io.codeact.bridge.sim.home;

import java.util.ArrayList;
import java.util.List;

/** A person in the simulation: home or away, which room, and the script of their moves still to come. */
final class Resident {
    final String name;
    boolean home;
    String room;
    final List<SmartHomeScenario.Event> script;
    int next;

    Resident(String name, boolean home, String room, List<SmartHomeScenario.Event> script) {
        this.name = name;
        this.home = home;
        this.room = home ? room : null;
        this.script = new ArrayList<>(script);
    }
}
