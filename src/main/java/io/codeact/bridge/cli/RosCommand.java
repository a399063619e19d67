package io.codeact.bridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code codeact ros}: ROS 1 tools like rostopic, rosservice and rosparam, talking to any ROS 1 master. */
@Command(
        name = "ros",
        mixinStandardHelpOptions = true,
        description = {"ROS 1 tools: topic list|echo|pub|info|hz|type, service call|list|type, param get|set|list|delete.",
            "Works with Debian's roscore or `codeact roscore`; the master comes from --master or ROS_MASTER_URI."},
        subcommands = {RosTopicCommand.class, RosServiceCommand.class, RosParamCommand.class})
final class RosCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
