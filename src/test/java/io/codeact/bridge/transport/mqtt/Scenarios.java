package io.codeact.bridge.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.transport.TransportMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Behaviours checked the same way against the embedded broker and Debian's mosquitto. */
final class Scenarios {
    static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * How long a command or message may take across a broker restart: the broker's own restart (HiveMQ takes
     * 4–15 s on a loaded machine) plus reconnect attempts (one that meets a broker still starting waits out the
     * connect timeout, 10 s). Generous on purpose; a lost message never arrives, however long the wait.
     */
    static final Duration RESTART_WAIT = Duration.ofSeconds(90);

    /** A broker a test can take down and bring back on the same port. */
    interface Restartable {
        String url();

        void kill();

        void restart();
    }

    private Scenarios() {}

    static MqttTransport client(String url, String id, MqttProtocol protocol, MqttEventListener listener) {
        return MqttTransport.connect(c -> c.brokerUrl(url).clientId(id).protocol(protocol).listener(listener)
                .maxReconnectDelay(Duration.ofSeconds(1)).availability(false));
    }

    static void qos1And2ArriveExactlyAsSent(String url, MqttProtocol protocol) {
        try (MqttTransport pub = client(url, "pub-" + System.nanoTime(), protocol, e -> {});
                MqttTransport sub = client(url, "sub-" + System.nanoTime(), protocol, e -> {})) {
            for (Qos qos : List.of(Qos.AT_LEAST_ONCE, Qos.EXACTLY_ONCE)) {
                Recorder<TransportMessage> got = Recorder.messages();
                String topic = "it/" + protocol + "/qos" + qos.level();
                sub.subscribe(topic, "json", qos, got.handler());
                for (int i = 0; i < 100; i++) {
                    pub.publish(topic, "json", Map.of("seq", i), qos, false);
                }
                List<TransportMessage> all = got.awaitCount(100, WAIT);
                assertThat(all).extracting(m -> m.fields().get("seq")).containsExactlyElementsOf(range(100));
            }
        }
    }

    /** Commands keep flowing while the broker is killed and restarted; each runs exactly once. */
    static void commandsSurviveABrokerRestart(Restartable broker, MqttProtocol protocol) throws Exception {
        Recorder<MqttEvent> bridgeEvents = Recorder.events();
        Recorder<MqttEvent> deviceEvents = Recorder.events();
        try (MqttTransport bridge = client(broker.url(), "bridge-" + System.nanoTime(), protocol, bridgeEvents.listener());
                MqttTransport deviceLink = MqttTransport.connect(c -> c.brokerUrl(broker.url()).clientId("lamp-" + System.nanoTime())
                        .protocol(protocol).cleanSession(false).listener(deviceEvents.listener()).maxReconnectDelay(Duration.ofSeconds(1)));
                CommandResponder lamp = CommandResponder.serve(deviceLink, new DeviceTopics("codeact", "lamp1", "light"),
                        cmd -> Map.of("brightness", cmd.get("brightness")));
                CommandChannel commands = CommandChannel.open(bridge, o -> o.timeout(RESTART_WAIT).resendInterval(Duration.ofMillis(300)))) {
            List<CompletableFuture<CommandResult>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(commands.sendAsync("lamp1", "light", Map.of("brightness", i)));
            }
            sent.get(9).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            broker.kill();
            bridgeEvents.await(e -> e instanceof MqttEvent.ConnectionLost, WAIT, "the bridge to notice the broker is gone");
            for (int i = 10; i < 20; i++) {
                sent.add(commands.sendAsync("lamp1", "light", Map.of("brightness", i))); // buffered while offline
            }
            broker.restart();
            for (int i = 20; i < 30; i++) {
                sent.add(commands.sendAsync("lamp1", "light", Map.of("brightness", i)));
            }
            for (int i = 0; i < sent.size(); i++) {
                CommandResult r = sent.get(i).get(RESTART_WAIT.toSeconds() + 30, TimeUnit.SECONDS);
                assertThat(r.state()).containsEntry("brightness", i).containsEntry("cmd_id", r.commandId());
            }
            assertThat(lamp.applied()).as("each command id applied once, however often it was sent").isEqualTo(30);
            bridgeEvents.await(e -> e instanceof MqttEvent.Connected c && c.reconnect(), WAIT, "bridge reconnected");
            deviceEvents.await(e -> e instanceof MqttEvent.Connected c && c.reconnect(), WAIT, "device reconnected");
            assertThat(commands.pendingCount()).isZero();
        }
    }

    /**
     * A QoS 1 stream with persistent sessions on both ends loses nothing across a broker restart that keeps
     * its sessions (a broker with persistence, stopped gracefully): the publisher resends what the broker had
     * not acknowledged and flushes what it buffered offline; the broker delivers what it queued for the
     * subscriber while it was away. Duplicates are allowed (QoS 1), gaps are not. Without broker persistence
     * the queued messages die with the broker; there only the sender can make up for them (commands do).
     */
    static void qos1StreamLosesNothingAcrossARestart(Restartable broker, MqttProtocol protocol) throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        Recorder<TransportMessage> got = Recorder.messages();
        Recorder<MqttEvent> pubEvents = Recorder.events();
        try (MqttTransport sub = MqttTransport.connect(c -> c.brokerUrl(broker.url()).clientId("sub-" + tag).protocol(protocol)
                        .cleanSession(false).maxReconnectDelay(Duration.ofSeconds(1)).availability(false));
                MqttTransport pub = MqttTransport.connect(c -> c.brokerUrl(broker.url()).clientId("pub-" + tag).protocol(protocol)
                        .cleanSession(false).maxReconnectDelay(Duration.ofSeconds(1)).availability(false).listener(pubEvents.listener()))) {
            sub.subscribe("it/stream/" + tag, "json", Qos.AT_LEAST_ONCE, got.handler());
            for (int i = 0; i < 100; i++) {
                pub.publish("it/stream/" + tag, "json", Map.of("seq", i), Qos.AT_LEAST_ONCE, false);
            }
            broker.kill();
            pubEvents.await(e -> e instanceof MqttEvent.ConnectionLost, WAIT, "the publisher to notice the broker is gone");
            for (int i = 100; i < 200; i++) {
                pub.publish("it/stream/" + tag, "json", Map.of("seq", i), Qos.AT_LEAST_ONCE, false);
            }
            broker.restart();
            got.awaitAll(l -> seqs(l).size() == 200, RESTART_WAIT, "all 200 sequence numbers");
            assertThat(seqs(got.all())).containsExactlyElementsOf(range(200));
        }
    }

    static void lastWillIsPublishedWhenTheBridgeDies(String url, MqttProtocol protocol) throws Exception {
        String prefix = "will" + System.nanoTime();
        Recorder<TransportMessage> got = Recorder.messages();
        try (MqttTransport watcher = client(url, "watcher-" + System.nanoTime(), MqttProtocol.V3_1_1, e -> {})) {
            watcher.subscribe(prefix + "/bridge/availability", "text", got.handler());
            Process bridge = BridgeProcess.start(url, prefix, protocol);
            try {
                got.await(m -> "online".equals(m.fields().get("text")), WAIT, "online from the bridge process");
                bridge.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                got.await(m -> "offline".equals(m.fields().get("text")), WAIT, "the last will: offline");
            } finally {
                bridge.destroyForcibly();
            }
        }
    }

    /** Bad telemetry is reported and dropped; the store keeps its last good value; delivery goes on. */
    static void badTelemetryKeepsTheLastGoodValue(String url) {
        Recorder<MqttEvent> events = Recorder.events();
        LatestValues latest = new LatestValues();
        try (MqttTransport device = client(url, "dev-" + System.nanoTime(), MqttProtocol.V5, e -> {});
                MqttTransport bridge = MqttTransport.connect(c -> c.brokerUrl(url).prefix("tele").maxPayloadBytes(1000)
                        .availability(false).listener(events.listener()));
                TelemetryIngest ingest = TelemetryIngest.start(bridge, b -> b.listen("tele/#")
                        .topic("tele/+/base/state", Map.of("x", FieldType.NUMBER, "moving", FieldType.BOOLEAN))
                        .topic("tele/+/availability", Map.of())
                        .sink(latest))) {
            String topic = "tele/rover1/base/state";
            device.publish(topic, "json", Map.of("x", 1.0, "moving", false), Qos.AT_LEAST_ONCE, false);
            device.publishBytes(topic, "{\"x\": 2.0, ".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
            device.publish(topic, "json", Map.of("x", "fast"), Qos.AT_LEAST_ONCE, false);
            byte[] big = ("{\"x\": 3.0, \"pad\": \"" + "z".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
            device.publishBytes(topic, big, Qos.AT_LEAST_ONCE, false);
            device.publish("tele/rover1/arm/state", "json", Map.of("x", 4.0), Qos.AT_LEAST_ONCE, false);
            List<MqttEvent> seen = events.awaitAll(l -> l.stream().filter(e -> e instanceof MqttEvent.MessageRejected).count() >= 4, WAIT, "four rejections");
            assertThat(latest.latest(topic)).get().extracting(TransportMessage::fields).isEqualTo(Map.of("x", 1.0, "moving", false));
            assertThat(seen).filteredOn(e -> e instanceof MqttEvent.MessageRejected).extracting(MqttEvent::message)
                    .anySatisfy(m -> assertThat(m).startsWith("ignored a message on tele/rover1/base/state: not a json payload: malformed JSON"))
                    .anySatisfy(m -> assertThat(m).startsWith("ignored a message on tele/rover1/base/state: field \"x\" should be a number"
                            + " (declared for tele/+/base/state), got the string \"fast\". The subscription goes on"))
                    .anySatisfy(m -> assertThat(m).startsWith("ignored a message on tele/rover1/base/state: payload of " + big.length + " bytes exceeds maxPayloadBytes 1000"))
                    .anySatisfy(m -> assertThat(m).startsWith("ignored a message on tele/rover1/arm/state: no telemetry topic is declared for it"
                            + " (declared: [tele/+/base/state, tele/+/availability])"));
            device.publish(topic, "json", Map.of("x", 5.0, "moving", true), Qos.AT_LEAST_ONCE, false);
            awaitValue(latest, topic, 5.0);
            assertThat(bridge.isConnected()).isTrue();
        }
    }

    private static void awaitValue(LatestValues latest, String topic, double x) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (latest.latest(topic).map(m -> m.fields().get("x")).filter(v -> v.equals(x)).isEmpty()) {
            assertThat(System.nanoTime()).as("waiting for x=" + x + " on " + topic).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    private static TreeSet<Integer> seqs(List<TransportMessage> messages) {
        TreeSet<Integer> seqs = new TreeSet<>();
        messages.forEach(m -> seqs.add((Integer) m.fields().get("seq")));
        return seqs;
    }

    private static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add(i);
        }
        return r;
    }
}
