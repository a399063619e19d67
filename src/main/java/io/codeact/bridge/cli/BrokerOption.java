package io.codeact.bridge.cli;

import picocli.CommandLine.Option;

/** The {@code --broker URL} option shared by the MQTT subcommands. */
final class BrokerOption {
    @Option(names = "--broker", paramLabel = "URL", defaultValue = "mqtt://localhost:1883",
            description = "Broker: mqtt://host[:port] or mqtts://host[:port] (default: ${DEFAULT-VALUE}).")
    String url;
}
