package io.codeact.bridge.transport.mqtt;

import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.TransportMessage;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device side of docs/MQTT.md's command convention, for simulated devices and tests: applies each
 * {@code cmd_id} once and echoes it on the state topic.
 *
 * <p>Listens on {@code <prefix>/<device>/<api>/cmd}. A new {@code cmd_id} goes to the handler; its returned
 * state, plus {@code cmd_id} and {@code ts}, is published retained (QoS 1) on the state topic. A
 * {@code cmd_id} seen before (a resend, a QoS 1 duplicate) is not applied again: its first echo is
 * published again, so a sender whose echo was lost still gets it. A handler that throws refuses the
 * command: the echo carries {@code error} and is not retained, so the retained state stays the last good one.
 * A command without a {@code cmd_id} cannot be confirmed and is reported as malformed.
 *
 * <pre>{@code
 * CommandResponder lamp = CommandResponder.serve(mqtt, new DeviceTopics("codeact", "lamp1", "light"),
 *         cmd -> Map.of("state", cmd.get("state")));
 * }</pre>
 */
public final class CommandResponder implements AutoCloseable {
    private static final int REMEMBERED_IDS = 1024;

    private final MqttTransport transport;
    private final DeviceTopics topics;
    private final CommandHandler handler;
    private final Clock clock;
    private final Map<String, Map<String, Object>> echoes = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });
    private final Subscription subscription;
    private volatile long applied;
    private volatile long duplicates;

    private CommandResponder(MqttTransport transport, DeviceTopics topics, CommandHandler handler, Clock clock) {
        this.transport = transport;
        this.topics = topics;
        this.handler = handler;
        this.clock = clock;
        this.subscription = transport.subscribe(topics.command(), "json", Qos.AT_LEAST_ONCE, this::onCommand);
    }

    /** Starts answering commands on {@code topics}. */
    public static CommandResponder serve(MqttTransport transport, DeviceTopics topics, CommandHandler handler) {
        return new CommandResponder(transport, topics, handler, transport.config().clock());
    }

    /** How many distinct commands were applied (handler called). */
    public long applied() {
        return applied;
    }

    /** How many repeats of an already-seen {@code cmd_id} were answered without applying them. */
    public long duplicates() {
        return duplicates;
    }

    @Override
    public void close() {
        subscription.close();
    }

    private void onCommand(TransportMessage message) {
        Object rawId = message.fields().get("cmd_id");
        if (!(rawId instanceof String) && !(rawId instanceof Number)) {
            transport.reportRejected(message.topic(), MqttEvent.Problem.MALFORMED_PAYLOAD,
                    "a command needs a string \"cmd_id\" to be confirmed, got " + (rawId == null ? "none" : rawId.getClass().getSimpleName()));
            return;
        }
        String id = String.valueOf(rawId);
        Map<String, Object> earlier = echoes.get(id);
        if (earlier != null) {
            duplicates++;
            transport.publish(topics.state(), "json", earlier, Qos.AT_LEAST_ONCE, !earlier.containsKey("error"));
            return;
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        boolean ok;
        try {
            Map<String, ?> state = handler.apply(message.fields());
            if (state != null) {
                echo.putAll(state);
            }
            ok = true;
        } catch (Exception e) {
            echo.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            ok = false;
        }
        echo.put("cmd_id", id);
        echo.put("ts", clock.millis());
        applied++;
        echoes.put(id, echo);
        transport.publish(topics.state(), "json", echo, Qos.AT_LEAST_ONCE, ok);
    }
}
