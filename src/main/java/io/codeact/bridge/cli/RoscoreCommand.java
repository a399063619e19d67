package io.codeact.bridge.cli;

import io.codeact.bridge.transport.ros.RosMaster;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code codeact roscore}: an embedded ROS 1 master, for using ROS without a ROS install. */
@Command(name = "roscore", mixinStandardHelpOptions = true,
        description = {"Run a ROS 1 master (registrations, lookups, parameter server) until Ctrl-C.",
            "rospy nodes, rostopic, rosparam and rosservice work against it; it starts no rosout node."})
final class RoscoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "port to listen on (default 11311; 0 for any free one)")
    int port = 11311;

    @Option(names = "--host", paramLabel = "HOST",
            description = "address to listen on (default localhost; 0.0.0.0 opens it to the network)")
    String host = "localhost";

    @Override
    public Integer call() throws InterruptedException {
        try (RosMaster master = RosMaster.start(host, port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(master::close));
            spec.commandLine().getOut().printf("ROS master running at %s%nuse it with: export ROS_MASTER_URI=%s%n",
                    master.uri(), master.uri());
            spec.commandLine().getOut().flush();
            master.awaitShutdown();
        }
        return ExitCodes.OK;
    }
}
