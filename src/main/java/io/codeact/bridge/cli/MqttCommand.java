package io.codeact.bridge.cli;

import picocli.CommandLine.Command;

/** {@code codeact mqtt}: MQTT tools: pub, sub, and an embedded broker. Not built yet (issue #7). */
@Command(name = "mqtt", mixinStandardHelpOptions = true, description = "MQTT tools: pub, sub, and an embedded broker. (not implemented yet: issue #7)")
final class MqttCommand extends NotBuiltYet {
    @Override
    int issue() {
        return 7;
    }
}
