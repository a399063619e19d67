package io.codeact.bridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code codeact mqtt}: debugging tools like mosquitto_sub/pub, and the embedded broker on its own. */
@Command(
        name = "mqtt",
        mixinStandardHelpOptions = true,
        description = "MQTT tools: sub, pub, and the embedded broker (see docs/MQTT.md).",
        subcommands = {MqttSubCommand.class, MqttPubCommand.class, MqttBrokerCommand.class})
final class MqttCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
