package io.codeact.bridge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeact sim}: a simulated world as a robot on a transport, until Ctrl-C. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run a simulated world as a robot that other programs reach over a transport, until Ctrl-C.",
            "--ros: a ROS 1 node (/odom, /scan, /battery, /clock, /cmd_vel, /codeact/call); see docs/ROS.md."})
final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--world", paramLabel = "NAME", required = true, description = "the world: warehouse, tabletop, smart_home")
    String world;

    @Option(names = "--seed", defaultValue = "7", description = "the world's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rate", paramLabel = "F", defaultValue = "1.0",
            description = "sim seconds per wall second (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--ros", description = "serve the world as a ROS 1 node")
    boolean ros;

    @Option(names = "--master", paramLabel = "URL",
            description = "with --ros: the ROS master (default: an embedded master on localhost:11311)")
    String master;

    @Option(names = "--use-sim-time", description = "with --ros: set /use_sim_time and stamp messages with sim time")
    boolean useSimTime;

    @Override
    public Integer call() throws InterruptedException {
        if (!(rate > 0)) {
            spec.commandLine().getErr().println("codeact sim: --rate must be > 0, got " + rate);
            return ExitCodes.USAGE;
        }
        if (!ros) {
            spec.commandLine().getErr().println("codeact sim: choose a transport: --ros");
            return ExitCodes.USAGE;
        }
        try {
            return SimRosRunner.run(world, seed, master, rate, useSimTime, spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("codeact sim: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("codeact sim: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
