package io.codeact.bridge.cli;

import io.codeact.bridge.node.ControllerNode;
import io.codeact.bridge.node.NodeOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeact node}: the controller node; other programs send it goals over MQTT and/or ROS until Ctrl-C. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run the controller node: other programs (a voice front end, a dashboard, another robot) send it",
            "goals over MQTT and/or ROS; it runs them one at a time on the robot and publishes feedback, results and status.",
            "Topics and payloads: docs/NODE.md. Runs until Ctrl-C."})
final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--world", paramLabel = "NAME", required = true, description = "the simulated world: warehouse, tabletop, smart_home")
    String world;

    @Option(names = "--seed", defaultValue = "7", description = "the world's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--realtime", paramLabel = "F", defaultValue = "1.0",
            description = "sim seconds per wall second while actions run (default ${DEFAULT-VALUE} = real time; 0 = as fast as possible)")
    double realtime;

    @Mixin
    ModelOptions model;

    @Mixin
    EpisodeOptions episode;

    @Option(names = "--robot", paramLabel = "NAME", defaultValue = "robot", description = "the robot's name in topics (default ${DEFAULT-VALUE})")
    String robot;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "4", description = "goals that may wait while one runs (default ${DEFAULT-VALUE})")
    int queue;

    @Option(names = "--mqtt", description = "take goals over MQTT: <prefix>/agent/<robot>/goal")
    boolean mqtt;

    @Option(names = "--broker", paramLabel = "URL", description = "the MQTT broker (default: an embedded broker on localhost:--broker-port)")
    String broker;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "1883", description = "the embedded broker's port (default ${DEFAULT-VALUE}; 0 = any free one)")
    int brokerPort;

    @Option(names = "--prefix", defaultValue = "codeact", description = "the first MQTT topic level (default ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--ros", description = "take goals over ROS: /<robot>/codeact/goal")
    boolean ros;

    @Option(names = "--master", paramLabel = "URL", description = "the ROS master (default: an embedded master on localhost:--master-port)")
    String master;

    @Option(names = "--master-port", paramLabel = "PORT", defaultValue = "11311", description = "the embedded master's port (default ${DEFAULT-VALUE}; 0 = any free one)")
    int masterPort;

    @Option(names = "--binding", paramLabel = "KIND", defaultValue = "sim",
            description = "the robot: sim (the in-process simulator, default), mqtt (the device --device on --broker) or ros (a robot on --master)")
    String binding;

    @Option(names = "--device", paramLabel = "NAME", description = "with --binding mqtt: the device's name in topics")
    String device;

    @Option(names = "--safety", paramLabel = "FILE|none",
            description = "safety file (default: safety/<world>.yaml when it exists; none: the declarations' ranges only)")
    String safetyFile;

    @Option(names = "--confirm", paramLabel = "HOW", defaultValue = "deny",
            description = "irreversible calls: deny (default; nobody answers at a node) or approve")
    String confirm;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "episodes", description = "where episode logs go (default ${DEFAULT-VALUE})")
    Path logDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (episode.log != null) {
            err.println("codeact node: --log names one file, but the node writes one log per goal; use --log-dir DIR");
            return ExitCodes.USAGE;
        }
        if (model.noStream) {
            err.println("codeact node: --no-stream is not supported by the node yet; the model endpoint must stream");
            return ExitCodes.USAGE;
        }
        NodeOptions options;
        try {
            options = NodeOptions.builder().robot(robot).world(world).seed(seed).realtimeFactor(realtime).model(model.spec)
                    .baseUrl(model.baseUrl).episode(episode.settings()).queueSize(queue).mqtt(mqtt).broker(broker)
                    .brokerPort(brokerPort).prefix(prefix).ros(ros).master(master).masterPort(masterPort).logDir(logDir)
                    .home(Home.root()).safety(safetyFile).confirm(confirm).binding(binding).device(device).build();
            if (!confirm.equals("approve") && !confirm.equals("deny")) {
                throw new IllegalArgumentException("--confirm must be approve or deny (a node has no terminal to ask), got '" + confirm + "'");
            }
            options.safetySettings(world); // a broken safety file is refused before anything starts
        } catch (IllegalArgumentException | io.codeact.bridge.safety.SafetyFileException e) {
            err.println("codeact node: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ControllerNode node;
        try {
            node = ControllerNode.start(options);
        } catch (IllegalArgumentException e) {
            err.println("codeact node: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            err.println("codeact node: could not start: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "codeact-node-shutdown"));
        out.println("controller node for robot '" + options.robot() + "': " + node.robot().describe());
        out.println("model: " + options.model());
        if (node.mqttEndpoint() != null) {
            out.println("MQTT " + node.mqttEndpoint() + (options.broker() == null ? " (embedded broker)" : "") + ": goals to "
                    + options.mqttBase() + "/goal; feedback, result, status, cancel, availability beside it");
            out.println("  try: mosquitto_pub -h " + host(node.mqttEndpoint()) + " -p " + port(node.mqttEndpoint()) + " -t "
                    + options.mqttBase() + "/goal -m '{\"goal_id\": \"g1\", \"text\": \"Report the battery level.\"}'");
        }
        if (node.rosMasterUri() != null) {
            out.println("ROS master " + node.rosMasterUri() + (options.master() == null ? " (embedded)" : "") + ": goals to "
                    + options.rosBase() + "/goal (std_msgs/String JSON); feedback, result, cancel, status beside it");
        }
        out.println("episode logs: " + node.logDir());
        out.println("Ctrl-C stops the node (running and queued goals are cancelled).");
        out.flush();
        node.awaitClosed();
        return ExitCodes.OK;
    }

    private static String host(String endpoint) {
        String rest = endpoint.substring(endpoint.indexOf("://") + 3);
        return rest.substring(0, rest.lastIndexOf(':'));
    }

    private static String port(String endpoint) {
        return endpoint.substring(endpoint.lastIndexOf(':') + 1);
    }
}
