package io.codeact.bridge.cli;

import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.sim.node.MqttWorldSession;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --binding inprocess|mqtt [--broker URL]}: how code actions reach a simulated world. {@code mqtt} runs the
 * world as an MQTT device node in this process (lockstep) and sends every call through a broker, the embedded one
 * unless {@code --broker} names another.
 */
final class BindingOptions {
    enum Binding { inprocess, mqtt }

    @Option(names = "--binding", paramLabel = "KIND", defaultValue = "inprocess",
            description = "how actions reach the world: inprocess, or mqtt through a broker and a simulator node (default ${DEFAULT-VALUE})")
    Binding binding;

    @Option(names = "--broker", paramLabel = "URL",
            description = "with --binding mqtt: the broker, mqtt://host[:port] (default: an embedded broker in this process)")
    String broker;

    /** Null if the options fit together, else what is wrong. */
    String problem() {
        return broker != null && binding != Binding.mqtt ? "--broker applies to --binding mqtt; add --binding mqtt or leave --broker out" : null;
    }

    /**
     * Opens the world through the chosen binding.
     *
     * @param episode a name for the MQTT topic prefix ({@code codeact} when null); episodes sharing a broker need different ones
     * @throws IllegalArgumentException for an unknown world or bad options
     */
    SimWorldSession open(String world, long seed, Map<String, ?> scenario, String episode) {
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Path tools = Home.root().resolve("robot-tools");
        if (binding == Binding.inprocess) {
            return SimWorldSession.create(world, seed, scenario, tools);
        }
        String prefix = episode == null ? "codeact" : "codeact/" + episode.replaceAll("[^A-Za-z0-9_.-]", "_");
        return MqttWorldSession.create(world, seed, scenario, tools, o -> o.brokerUrl(broker).prefix(prefix));
    }
}
