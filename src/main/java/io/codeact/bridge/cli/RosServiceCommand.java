package io.codeact.bridge.cli;

import io.codeact.bridge.transport.ros.RosNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeact ros service}: call, list and type, as rosservice does them. */
@Command(name = "service", mixinStandardHelpOptions = true, description = "Services: call, list, type.",
        subcommands = {RosServiceCommand.Call.class, RosServiceCommand.ListServices.class, RosServiceCommand.Type.class})
final class RosServiceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "call", mixinStandardHelpOptions = true,
            description = {"Call a service with a request given as YAML or JSON and print the response, e.g.",
                "  codeact ros service call /enable '{data: true}'"})
    static final class Call implements Callable<Integer> {
        @Mixin
        RosConnection ros;
        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;
        @Parameters(index = "1", paramLabel = "REQUEST", defaultValue = "{}", description = "request fields (default: all zero)")
        String request;
        @Option(names = "--type", paramLabel = "TYPE", description = "service type (default: asked of the server)")
        String type;
        @Option(names = "--timeout", paramLabel = "SECONDS", description = "how long to wait for the answer (default 10)")
        double timeout = 10;

        @Override
        public Integer call() {
            Map<String, ?> fields = ros.fields(request, "REQUEST", "{data: true}");
            try (RosNode node = ros.node("service_call")) {
                String serviceType = type != null ? type : node.serviceType(service);
                Map<String, Object> response = node.call(service, serviceType, fields,
                        Duration.ofMillis((long) (timeout * 1000)));
                ros.out().println(ros.text().format(response));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Services and the nodes providing them.")
    static final class ListServices implements Callable<Integer> {
        @Mixin
        RosConnection ros;

        @Override
        public Integer call() {
            ros.masterClient("service_list").systemState().services().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> ros.out().println(ros.json
                            ? RosText.toJson(Map.of("service", e.getKey(), "nodes", e.getValue())) : e.getKey()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "type", mixinStandardHelpOptions = true, description = "A service's type, asked of its server.")
    static final class Type implements Callable<Integer> {
        @Mixin
        RosConnection ros;
        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;

        @Override
        public Integer call() {
            try (RosNode node = ros.node("service_type")) {
                String type = node.serviceType(service);
                ros.out().println(ros.json ? RosText.toJson(Map.of("service", node.resolve(service), "type", type)) : type);
            }
            return ExitCodes.OK;
        }
    }
}
