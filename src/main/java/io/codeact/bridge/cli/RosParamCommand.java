package io.codeact.bridge.cli;

import io.codeact.bridge.transport.ros.RosNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeact ros param}: get, set, list and delete, as rosparam does them. */
@Command(name = "param", mixinStandardHelpOptions = true, description = "Parameters: get, set, list, delete.",
        subcommands = {RosParamCommand.Get.class, RosParamCommand.Set.class, RosParamCommand.ListParams.class,
            RosParamCommand.Delete.class})
final class RosParamCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print a parameter (a namespace prints as a dictionary).")
    static final class Get implements Callable<Integer> {
        @Mixin
        RosConnection ros;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (RosNode node = ros.node("param")) {
                Optional<Object> value = node.params().get(name);
                if (value.isEmpty()) {
                    return ros.fail("codeact ros param get: parameter %s is not set%n", node.resolve(name));
                }
                ros.out().println(ros.text().format(value.get()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set a parameter; the value is YAML, as with rosparam:", "  codeact ros param set /robot/max_speed 0.5"})
    static final class Set implements Callable<Integer> {
        @Mixin
        RosConnection ros;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() {
            Object parsed = RosText.parse(ros.commandLine(), value, "VALUE");
            try (RosNode node = ros.node("param")) {
                node.params().set(name, parsed == null ? "" : parsed);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every parameter name.")
    static final class ListParams implements Callable<Integer> {
        @Mixin
        RosConnection ros;

        @Override
        public Integer call() {
            try (RosNode node = ros.node("param")) {
                for (String name : node.params().names()) {
                    ros.out().println(ros.json ? RosText.toJson(name) : name);
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a parameter or namespace.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        RosConnection ros;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (RosNode node = ros.node("param")) {
                if (!node.params().delete(name)) {
                    return ros.fail("codeact ros param delete: parameter %s is not set%n", node.resolve(name));
                }
            }
            return ExitCodes.OK;
        }
    }
}
