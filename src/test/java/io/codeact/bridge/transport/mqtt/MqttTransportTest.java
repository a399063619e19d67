package io.codeact.bridge.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.TransportMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MqttTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final Recorder<MqttEvent> events = Recorder.events();
    private MqttTransport bridge;
    private MqttTransport device;

    private MqttTransport connect(String id) {
        return MqttTransport.connect(c -> c.brokerUrl(SharedBroker.url()).clientId(id + "-" + System.nanoTime()).listener(events.listener()));
    }

    @AfterEach
    void close() {
        if (bridge != null) {
            bridge.close();
        }
        if (device != null) {
            device.close();
        }
    }

    @Test
    void deliversJsonAtEveryQos() {
        bridge = connect("bridge");
        device = connect("device");
        for (Qos qos : Qos.values()) {
            Recorder<TransportMessage> got = Recorder.messages();
            try (Subscription s = device.subscribe("t/qos" + qos.level() + "/+", "json", qos, got.handler())) {
                bridge.publish("t/qos" + qos.level() + "/arm", "json", Map.of("x", 1.5, "ok", true, "name", "arm"), qos, false);
                TransportMessage m = got.awaitCount(1, WAIT).get(0);
                assertThat(m.topic()).isEqualTo("t/qos" + qos.level() + "/arm");
                assertThat(m.type()).isEqualTo("json");
                assertThat(m.fields()).containsEntry("x", 1.5).containsEntry("ok", true).containsEntry("name", "arm");
            }
        }
    }

    /**
     * A handler that publishes more QoS 1 messages than the broker's receive maximum (HiveMQ: 10) must not
     * stall the link: Paho frees in-flight slots on the very thread the handler runs on. Before the fix the
     * handler spun there until its publish gave up, and the link never published at QoS 1 again.
     */
    @Test
    void aHandlerMayPublishMoreThanTheBrokersInFlightWindow() {
        bridge = connect("bridge");
        device = connect("device");
        Recorder<TransportMessage> echoes = Recorder.messages();
        bridge.subscribe("t/burst/echo", "json", Qos.AT_LEAST_ONCE, echoes.handler());
        device.subscribe("t/burst/cmd", "json", Qos.AT_LEAST_ONCE, m -> {
            for (int i = 0; i < 100; i++) {
                device.publish("t/burst/echo", "json", Map.of("n", m.fields().get("n"), "i", i), Qos.AT_LEAST_ONCE, false);
            }
        });
        for (int n = 0; n < 3; n++) {
            bridge.publish("t/burst/cmd", "json", Map.of("n", n), Qos.AT_LEAST_ONCE, false);
        }
        List<TransportMessage> got = echoes.awaitCount(300, Duration.ofSeconds(60));
        assertThat(got).hasSize(300);
        // Each handler's publishes arrive in the order it made them.
        for (int n = 0; n < 3; n++) {
            int run = n;
            assertThat(got).filteredOn(m -> m.fields().get("n").equals(run)).extracting(m -> m.fields().get("i"))
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).boxed().toList());
        }
        assertThat(events.all()).noneMatch(e -> e instanceof MqttEvent.MessageRejected || e instanceof MqttEvent.OperationFailed);
    }

    @Test
    void carriesRawBytesAndText() {
        bridge = connect("bridge");
        Recorder<TransportMessage> raw = Recorder.messages();
        Recorder<TransportMessage> text = Recorder.messages();
        bridge.subscribe("t/raw", "raw", raw.handler());
        bridge.subscribe("t/raw", "text", text.handler());
        bridge.publish("t/raw", "raw", Map.of("data", new byte[] {'O', 'N'}));
        assertThat((byte[]) raw.awaitCount(1, WAIT).get(0).fields().get("data")).isEqualTo("ON".getBytes(StandardCharsets.US_ASCII));
        assertThat(text.awaitCount(1, WAIT).get(0).fields()).isEqualTo(Map.of("text", "ON"));
    }

    @Test
    void retainedStateReachesLateSubscribers() {
        bridge = connect("bridge");
        bridge.publish("t/retained/lamp", "json", Map.of("state", "ON"), Qos.AT_LEAST_ONCE, true);
        device = connect("late");
        Recorder<TransportMessage> got = Recorder.messages();
        device.subscribe("t/retained/lamp", "json", got.handler());
        assertThat(got.awaitCount(1, WAIT).get(0).fields()).containsEntry("state", "ON");
        bridge.publish("t/retained/lamp", "raw", Map.of("data", new byte[0]), Qos.AT_LEAST_ONCE, true);
    }

    @Test
    void publishesOnlineAndOfflineOnItsAvailabilityTopic() {
        device = connect("watcher");
        Recorder<TransportMessage> got = Recorder.messages();
        device.subscribe("avail/bridge/availability", "text", got.handler());
        bridge = MqttTransport.connect(c -> c.brokerUrl(SharedBroker.url()).prefix("avail"));
        got.await(m -> m.fields().get("text").equals("online"), WAIT, "online");
        bridge.close();
        got.await(m -> m.fields().get("text").equals("offline"), WAIT, "offline");
    }

    @Test
    void malformedJsonIsReportedAndTheSubscriptionGoesOn() {
        bridge = connect("bridge");
        Recorder<TransportMessage> got = Recorder.messages();
        bridge.subscribe("t/bad", "json", got.handler());
        bridge.publishBytes("t/bad", "{\"x\": 1,".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
        bridge.publishBytes("t/bad", "[1, 2]".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
        bridge.publish("t/bad", "json", Map.of("x", 2));
        assertThat(got.awaitCount(1, WAIT).get(0).fields()).isEqualTo(Map.of("x", 2));
        List<MqttEvent> rejected = events.awaitAll(l -> l.stream().filter(e -> e instanceof MqttEvent.MessageRejected).count() >= 2, WAIT, "two rejections");
        assertThat(rejected).filteredOn(e -> e instanceof MqttEvent.MessageRejected).extracting(MqttEvent::message)
                .anySatisfy(m -> assertThat(m).startsWith("ignored a message on t/bad: not a json payload: malformed JSON (")
                        .contains("'{\"x\": 1,'").contains("the last good value is kept"))
                .anySatisfy(m -> assertThat(m).contains("expected a JSON object, got a JSON array: '[1, 2]'"));
    }

    @Test
    void oversizePayloadIsReportedNotDecoded() {
        bridge = MqttTransport.connect(c -> c.brokerUrl(SharedBroker.url()).maxPayloadBytes(100).listener(events.listener()));
        Recorder<TransportMessage> got = Recorder.messages();
        bridge.subscribe("t/big", "raw", got.handler());
        bridge.publishBytes("t/big", new byte[101], Qos.AT_LEAST_ONCE, false);
        bridge.publishBytes("t/big", new byte[100], Qos.AT_LEAST_ONCE, false);
        assertThat(((byte[]) got.awaitCount(1, WAIT).get(0).fields().get("data"))).hasSize(100);
        MqttEvent e = events.await(x -> x instanceof MqttEvent.MessageRejected, WAIT, "oversize rejection");
        assertThat(e.message()).isEqualTo("ignored a message on t/big: payload of 101 bytes exceeds maxPayloadBytes 100. The subscription"
                + " goes on and the last good value is kept; raise maxPayloadBytes if such messages are expected");
    }

    @Test
    void aThrowingHandlerDoesNotStopDelivery() {
        bridge = connect("bridge");
        Recorder<TransportMessage> got = Recorder.messages();
        bridge.subscribe("t/throw", "json", m -> {
            if (m.fields().containsKey("boom")) {
                throw new IllegalStateException("boom");
            }
            got.add(m);
        });
        bridge.publish("t/throw", "json", Map.of("boom", 1));
        bridge.publish("t/throw", "json", Map.of("fine", 1));
        got.awaitCount(1, WAIT);
        assertThat(events.await(e -> e instanceof MqttEvent.MessageRejected r && r.problem() == MqttEvent.Problem.HANDLER_FAILED, WAIT, "handler failure").message())
                .contains("the handler subscribed to t/throw threw java.lang.IllegalStateException: boom");
    }

    @Test
    void closedSubscriptionStopsDelivery() {
        bridge = connect("bridge");
        Recorder<TransportMessage> closedOne = Recorder.messages();
        Recorder<TransportMessage> open = Recorder.messages();
        Subscription s = bridge.subscribe("t/close", "json", closedOne.handler());
        bridge.subscribe("t/close", "json", open.handler());
        s.close();
        bridge.publish("t/close", "json", Map.of("n", 1));
        open.awaitCount(1, WAIT);
        assertThat(closedOne.all()).isEmpty();
    }

    @Test
    void rejectsBadTopicsTypesAndFieldsWithClearErrors() {
        bridge = connect("bridge");
        assertThatThrownBy(() -> bridge.publish("t/+/x", "json", Map.of()))
                .isInstanceOf(TransportException.class)
                .hasMessage("cannot publish to 't/+/x' on " + bridge.endpoint() + ": a topic to publish to must not contain the wildcards + or #");
        assertThatThrownBy(() -> bridge.subscribe("t/#/x", "json", m -> {}))
                .hasMessage("cannot subscribe to 't/#/x' on " + bridge.endpoint() + ": '#' must be a whole level and the last one, as in sensors/#");
        assertThatThrownBy(() -> bridge.subscribe("t/x", "geometry_msgs/Twist", m -> {}))
                .hasMessage("cannot subscribe to 't/x' on " + bridge.endpoint() + ": unknown MQTT payload type 'geometry_msgs/Twist'; use json, raw or text");
        assertThatThrownBy(() -> bridge.publish("t/x", "raw", Map.of("bytes", 1)))
                .hasMessage("a raw message for t/x carries its bytes under the key \"data\" (byte[] or String), got no \"data\"");
    }

    @Test
    void unreachableBrokerIsNamedInTheError() {
        assertThatThrownBy(() -> MqttTransport.connect(c -> c.brokerUrl("mqtt://127.0.0.1:1").connectTimeout(Duration.ofSeconds(2))))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("cannot connect to the MQTT broker at mqtt://127.0.0.1:1 (MQTT 5): ")
                .hasMessageContaining("start one with `codeact mqtt broker --port N`");
    }

    @Test
    void closedTransportRefusesToPublish() {
        bridge = connect("bridge");
        bridge.close();
        assertThatThrownBy(() -> bridge.publish("t/x", "json", Map.of()))
                .hasMessage("cannot publish to t/x: the MQTT transport to " + bridge.endpoint() + " is closed");
    }
}
