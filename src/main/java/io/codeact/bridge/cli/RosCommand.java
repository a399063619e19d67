package io.codeact.bridge.cli;

import picocli.CommandLine.Command;

/** {@code codeact ros}: ROS 1 tools: topic list|echo|pub|info|hz, service call, param get|set. Not built yet (issue #8). */
@Command(name = "ros", mixinStandardHelpOptions = true, description = "ROS 1 tools: topic list|echo|pub|info|hz, service call, param get|set. (not implemented yet: issue #8)")
final class RosCommand extends NotBuiltYet {
    @Override
    int issue() {
        return 8;
    }
}
