package io.codeact.bridge.cli;

import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codeact mqtt pub TOPIC PAYLOAD}: publishes one message, like mosquitto_pub. */
@Command(name = "pub", mixinStandardHelpOptions = true, description = "Publish one message (the payload as given, UTF-8).")
final class MqttPubCommand implements Callable<Integer> {
    @Mixin
    BrokerOption broker;

    @Parameters(index = "0", paramLabel = "TOPIC")
    String topic;

    @Parameters(index = "1", paramLabel = "PAYLOAD", description = "e.g. '{\"cmd_id\":\"c1\",\"state\":\"ON\"}'; an empty string with --retain clears a retained message.")
    String payload;

    @Option(names = "--qos", defaultValue = "1", description = "QoS 0, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--retain", description = "Ask the broker to keep it as the topic's retained message.")
    boolean retain;

    @Override
    public Integer call() {
        // Closing waits for the QoS 1/2 handshake, so the message is with the broker when we exit.
        try (MqttTransport t = MqttTransport.connect(c -> c.brokerUrl(broker.url).availability(false).clientId("codeact-pub-" + ProcessHandle.current().pid()))) {
            t.publishBytes(topic, payload.getBytes(StandardCharsets.UTF_8), Qos.of(qos), retain);
        }
        return ExitCodes.OK;
    }
}
