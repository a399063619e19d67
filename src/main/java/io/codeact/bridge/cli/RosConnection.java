package io.codeact.bridge.cli;

import io.codeact.bridge.transport.ros.MasterClient;
import io.codeact.bridge.transport.ros.MessageRegistry;
import io.codeact.bridge.transport.ros.RosNode;
import picocli.CommandLine.Option;

/** The options every {@code codeact ros} command shares: which master, and JSON output. A picocli mixin. */
final class RosConnection {
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
}
