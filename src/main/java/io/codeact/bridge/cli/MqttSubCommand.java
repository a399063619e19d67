package io.codeact.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeact mqtt sub TOPIC}: prints messages, like mosquitto_sub -v. */
@Command(name = "sub", mixinStandardHelpOptions = true, description = "Print messages on a topic filter (+ and # allowed), one per line: TOPIC PAYLOAD.")
final class MqttSubCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOption broker;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic filter, e.g. codeact/+/+/state or homeassistant/#.")
    String topic;

    @Option(names = "--count", paramLabel = "N", description = "Exit after N messages (default: run until Ctrl-C).")
    Integer count;

    @Option(names = "--qos", defaultValue = "0", description = "Subscription QoS 0, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--json", description = "One JSON object per line: topic, payload (text), received_at.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (count != null && count < 1) {
            spec.commandLine().getErr().println("codeact mqtt sub: --count must be at least 1, got " + count);
            return ExitCodes.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        try (MqttTransport t = MqttTransport.connect(c -> c.brokerUrl(broker.url).availability(false).clientId("codeact-sub-" + ProcessHandle.current().pid()))) {
            t.subscribe(topic, "raw", Qos.of(qos), m -> {
                if (count != null && seen.get() >= count) {
                    return;
                }
                String text = new String((byte[]) m.fields().get("data"), StandardCharsets.UTF_8);
                synchronized (out) {
                    if (json) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("topic", m.topic());
                        line.put("payload", text);
                        line.put("received_at", m.receivedAt().toString());
                        try {
                            out.println(JSON.writeValueAsString(line));
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    } else {
                        out.println(m.topic() + " " + text);
                    }
                    out.flush();
                }
                if (count != null && seen.incrementAndGet() >= count) {
                    done.countDown();
                }
            });
            done.await();
        }
        return ExitCodes.OK;
    }
}
