package io.codeact.bridge.cli;

import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeact mqtt broker}: the embedded MQTT 5 broker on its own, until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true, description = "Run the embedded MQTT 5 broker (HiveMQ CE) until Ctrl-C.")
final class MqttBrokerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "1883", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedBroker broker = EmbeddedBroker.start(bind, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "mqtt-broker-stop"));
        spec.commandLine().getOut().println("codeact mqtt broker: listening on " + broker.url() + " (MQTT 5 and 3.1.1); Ctrl-C stops it");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.INTERRUPTED;
    }
}
