package io.codeact.bridge.cli;

import io.codeact.bridge.transport.ros.MasterClient;
import io.codeact.bridge.transport.ros.MessageRegistry;
import io.codeact.bridge.transport.ros.RosNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every {@code codeact ros} command shares: which master, JSON output, and the command's own
 * streams and failure reporting. A picocli mixin.
 */
final class RosConnection {
    /** The command this mixin is part of. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--master", paramLabel = "URL",
            description = "ROS master URI (default: $ROS_MASTER_URI, else http://localhost:11311/)")
    String master;

    @Option(names = "--json", description = "print JSON (one object per line for streams) instead of YAML-like text")
    boolean json;

    String masterUri() {
        if (master != null) {
            return master;
        }
        String env = System.getenv("ROS_MASTER_URI");
        return env != null && !env.isBlank() ? env : "http://localhost:11311/";
    }

    /** A caller id like rostopic's anonymous ones. */
    static String anonymousName(String tool) {
        return "/codeact_" + tool + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
    }

    MasterClient masterClient(String tool) {
        return MasterClient.of(masterUri(), anonymousName(tool));
    }

    /** A node for one command, knowing the bundled types and those of the ROS install, if any. */
    RosNode node(String tool) {
        return RosNode.builder(anonymousName(tool)).masterUri(masterUri())
                .types(MessageRegistry.withBundledTypes().loadRosInstall()).start();
    }

    RosText text() {
        return new RosText(json);
    }

    CommandLine commandLine() {
        return command.commandLine();
    }

    PrintWriter out() {
        return commandLine().getOut();
    }

    PrintWriter err() {
        return commandLine().getErr();
    }

    /** Prints {@code format} (a printf format ending in {@code %n}) to stderr; returns {@link ExitCodes#FAILURE}. */
    int fail(String format, Object... args) {
        err().printf(format, args);
        return ExitCodes.FAILURE;
    }

    /**
     * Parses a YAML/JSON argument that must be a mapping of field names to values.
     *
     * @throws ParameterException naming {@code label}, with {@code example} as a mapping that would do
     */
    @SuppressWarnings("unchecked")
    Map<String, ?> fields(String text, String label, String example) {
        Object parsed = RosText.parse(commandLine(), text, label);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ParameterException(commandLine(),
                    label + " must be a mapping of field names to values, e.g. '" + example + "', got: " + text);
        }
        return (Map<String, ?>) map;
    }
}
