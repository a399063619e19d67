package io.codeact.bridge.sim.internal;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.SimCommandException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A world's commands by API name, each with the argument names it takes. Rejects unknown APIs and
 * unknown argument names before the handler runs, so a refused command never changes the world.
 */
public final class CommandTable {
    /** Starts one command. */
    @FunctionalInterface
    public interface Handler {
        Activity handle(CommandArgs args);
    }

    private record Entry(List<String> params, Handler handler) {}

    private final String world;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public CommandTable(String world) {
        this.world = world;
    }

    /** Registers an API with the argument names it accepts; returns this table. */
    public CommandTable add(String api, List<String> params, Handler handler) {
        entries.put(api, new Entry(List.copyOf(params), handler));
        return this;
    }

    public Set<String> apis() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** The argument names an API takes. */
    public List<String> params(String api) {
        Entry e = entries.get(api);
        return e == null ? List.of() : e.params();
    }

    public Activity start(String api, Map<String, ?> args) {
        Entry entry = entries.get(api);
        if (entry == null) {
            throw new SimCommandException(String.valueOf(api), SimCommandException.Reason.UNKNOWN_API,
                    "the " + world + " world has no such API; known APIs: " + String.join(", ", entries.keySet()));
        }
        Map<String, ?> given = args == null ? Map.of() : args;
        for (String name : given.keySet()) {
            if (!entry.params().contains(name)) {
                throw SimCommandException.badArgument(api, "unknown argument '" + name + "'; "
                        + (entry.params().isEmpty() ? "it takes no arguments" : "it takes " + String.join(", ", entry.params())));
            }
        }
        return entry.handler().handle(new CommandArgs(api, given));
    }
}
