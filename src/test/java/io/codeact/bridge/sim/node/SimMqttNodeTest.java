package io.codeact.bridge.sim.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.bind.mqtt.MqttToolInvoker;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.TransportMessage;
import io.codeact.bridge.transport.mqtt.CommandChannel;
import io.codeact.bridge.transport.mqtt.CommandResult;
import io.codeact.bridge.transport.mqtt.MqttEvent;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import io.codeact.bridge.transport.mqtt.SharedBrokerAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A simulator node on the real embedded broker: realtime leases, stop, malformed commands, telemetry, availability. */
class SimMqttNodeTest {
    private static final Duration LONG = Duration.ofSeconds(20);
    private static final ToolSet WAREHOUSE = ToolSet.load(List.of(Episodes.TOOLS.resolve("warehouse.yaml")));

    private final String prefix = Episodes.freshPrefix();
    private final World world = WorldRegistry.standard().create("warehouse", 3, Map.of());
    private final Inbox<MqttEvent> nodeEvents = new Inbox<>();
    private SimMqttNode node;
    private MqttTransport bridge;
    private CommandChannel channel;

    private void start(Consumer<SimMqttNode.Options> mode) {
        node = SimMqttNode.connect(world, WAREHOUSE, o -> {
            o.brokerUrl(SharedBrokerAccess.url()).prefix(prefix).mqtt(c -> c.listener(nodeEvents::add));
            mode.accept(o);
        });
        bridge = MqttTransport.connect(c -> c.brokerUrl(SharedBrokerAccess.url()).prefix(prefix));
        channel = CommandChannel.open(bridge, o -> o.prefix(prefix));
    }

    @AfterEach
    void close() {
        if (channel != null) {
            channel.close();
        }
        if (bridge != null) {
            bridge.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private Map<String, Object> robot() {
        synchronized (world) {
            @SuppressWarnings("unchecked")
            Map<String, Object> robots = (Map<String, Object>) world.state().get("robots");
            @SuppressWarnings("unchecked")
            Map<String, Object> r1 = (Map<String, Object>) robots.get("r1");
            return r1;
        }
    }

    private double simTime() {
        synchronized (world) {
            return world.clock().seconds();
        }
    }

    @Test
    void driveEndsLeaseExpiredWhenTheBridgeStopsRenewingAndTheBaseStops() {
        start(o -> o.realtime(1.0).lease(Duration.ofMillis(300)));
        // A bare CommandChannel sends no heartbeats: a bridge that went silent right after the command.
        CommandResult r = channel.send("robot", "base.drive", Map.of("linear", 0.5, "duration", 20.0), LONG);

        assertThat(r.state().get("status")).isEqualTo("lease_expired");
        assertThat(simTime()).isLessThan(10.0);  // nowhere near the 20 s asked for
        Inbox.awaitTrue(() -> ((Number) robot().get("linear")).doubleValue() == 0.0, LONG, "the base to come to rest");
        assertThat(robot().get("motion")).isNull();
    }

    @Test
    void theInvokersHeartbeatsKeepAMotionAliveUntilItEnds() {
        start(o -> o.realtime(2.0).lease(Duration.ofMillis(300)));
        MqttToolInvoker invoker = MqttToolInvoker.create(bridge, channel, o -> o.prefix(prefix).lease(Duration.ofMillis(300)).timeScale(0.5));
        ToolDeclaration drive = WAREHOUSE.find("robot.base.drive").orElseThrow();
        Map<String, Object> args = new LinkedHashMap<>(Map.of("linear", 0.4, "angular", 0.0, "duration", 3.0));

        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) invoker.invoke(drive, args);

        assertThat(r.get("status")).isEqualTo("done");
        assertThat(((Number) r.get("duration")).doubleValue()).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void aStopMessageHaltsARunningMotionAndIsAnnouncedOnTheSafetyTopic() throws Exception {
        start(o -> o.realtime(1.0));
        Inbox<TransportMessage> safety = new Inbox<>();
        bridge.subscribe(SimMqttNode.safetyTopic(prefix, "robot"), "json", Qos.AT_LEAST_ONCE, safety::add);
        MqttToolInvoker invoker = MqttToolInvoker.create(bridge, channel, o -> o.prefix(prefix));
        ToolDeclaration drive = WAREHOUSE.find("robot.base.drive").orElseThrow();
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(
                () -> invoker.invoke(drive, new LinkedHashMap<>(Map.of("linear", 0.5, "angular", 0.0, "duration", 30.0))));
        Inbox.awaitTrue(() -> ((Number) robot().get("linear")).doubleValue() > 0.2, LONG, "the base to drive");

        bridge.publish(SimMqttNode.stopTopic(prefix, null), "json", Map.of("by", "operator"), Qos.AT_LEAST_ONCE, false);

        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) running.get(LONG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.get("status")).isEqualTo("stopped");
        assertThat(simTime()).isLessThan(25.0);
        TransportMessage stopped = safety.await(m -> Boolean.TRUE.equals(m.fields().get("stopped")), LONG, "the safety state");
        assertThat(stopped.fields()).containsEntry("by", "operator").containsKey("ts");
        Inbox.awaitTrue(() -> ((Number) robot().get("linear")).doubleValue() == 0.0, LONG, "the base to come to rest");
    }

    @Test
    void malformedCommandsGetErrorEchoesWhereAnIdIsReadableAndTheNodeGoesOn() {
        start(SimMqttNode.Options::lockstep);
        Inbox<TransportMessage> echoes = new Inbox<>();
        String cmd = prefix + "/robot/base.drive/cmd";
        bridge.subscribe(prefix + "/robot/base.drive/state", "json", Qos.AT_LEAST_ONCE, echoes::add);
        for (String payload : List.of("{\"cmd_id\":\"m1\",\"linear\":\"fast\"}", "{\"cmd_id\":\"m2\",\"linear\": }", "[1, 2]",
                "{\"linear\": 0.1}", "")) {
            bridge.publishBytes(cmd, payload.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
        }

        TransportMessage m1 = echoes.await(m -> "m1".equals(m.fields().get("cmd_id")), LONG, "the refusal of m1");
        assertThat(m1.fields()).containsEntry("error_kind", "bad_argument");
        assertThat(m1.fields().get("error")).isEqualTo("base.drive: argument 'linear' must be a number, got 'fast'");
        TransportMessage m2 = echoes.await(m -> "m2".equals(m.fields().get("cmd_id")), LONG, "the refusal of m2");
        assertThat(m2.fields()).containsEntry("error_kind", "malformed");
        assertThat((String) m2.fields().get("error")).startsWith("base.drive: the payload is not JSON: '{\"cmd_id\":\"m2\"");
        nodeEvents.await(e -> e instanceof MqttEvent.MessageRejected r && r.detail().contains("got [1, 2]")
                || e instanceof MqttEvent.MessageRejected r2 && r2.detail().contains("'[1, 2]'"), LONG, "the array logged");
        nodeEvents.await(e -> e instanceof MqttEvent.MessageRejected r && r.detail().contains("needs a string \"cmd_id\""), LONG,
                "the command without id logged");

        // The node goes on, and applies a good command once however often it arrives.
        Map<String, Object> good = Map.of("linear", 0.2, "duration", 1.0);
        CommandResult first = channel.send("robot", "base.drive", good, LONG);
        assertThat(first.state().get("status")).isEqualTo("done");
        double t = simTime();
        bridge.publish(cmd, "json", Map.of("cmd_id", first.commandId(), "linear", 0.2, "duration", 1.0), Qos.AT_LEAST_ONCE, false);
        echoes.await(m -> first.commandId().equals(m.fields().get("cmd_id")) && echoes.all().stream()
                .filter(x -> first.commandId().equals(x.fields().get("cmd_id"))).count() >= 2, LONG, "the repeated echo");
        assertThat(simTime()).isEqualTo(t);
    }

    @Test
    void refusalsBecomeTheExceptionsTheInProcessBindingRaises() {
        start(SimMqttNode.Options::lockstep);
        MqttToolInvoker invoker = MqttToolInvoker.create(bridge, channel, o -> o.prefix(prefix).timeScale(0.01));
        ToolDeclaration place = WAREHOUSE.find("robot.map.place").orElseThrow();
        assertThatThrownBy(() -> invoker.invoke(place, new LinkedHashMap<>(Map.of("name", "nowhere"))))
                .isInstanceOfSatisfying(RobotException.class, e -> assertThat(e.kind()).isIn(RobotException.Kind.BAD_VALUE,
                        RobotException.Kind.ROBOT_ERROR))
                .hasMessageStartingWith("map.place: ");
    }

    @Test
    void noEchoBecomesACommandTimeoutNamingTheTopics() {
        start(SimMqttNode.Options::lockstep);
        MqttToolInvoker invoker = MqttToolInvoker.create(bridge, channel,
                o -> o.prefix(prefix).device("nobody").margin(Duration.ofMillis(500)).timeScale(0.001));
        ToolDeclaration level = WAREHOUSE.find("robot.battery.level").orElseThrow();
        assertThatThrownBy(() -> invoker.invoke(level, new LinkedHashMap<>()))
                .isInstanceOfSatisfying(RobotException.class, e -> assertThat(e.kind()).isEqualTo(RobotException.Kind.COMMAND_TIMEOUT))
                .hasMessageContaining(prefix + "/nobody/battery.level/state never echoed");
    }

    @Test
    void realtimeNodePublishesTelemetryAndAvailability() {
        start(o -> o.realtime(1.0).telemetryHz(20));
        Inbox<TransportMessage> seen = new Inbox<>();
        bridge.subscribe(prefix + "/robot/#", "raw", Qos.AT_LEAST_ONCE, seen::add);
        TransportMessage odom = seen.await(m -> m.topic().equals(prefix + "/robot/telemetry/r1/odom"), LONG, "odometry telemetry");
        assertThat(new String((byte[]) odom.fields().get("data"), StandardCharsets.UTF_8)).contains("\"ts\":");
        seen.await(m -> m.topic().equals(prefix + "/robot/availability")
                && new String((byte[]) m.fields().get("data"), StandardCharsets.UTF_8).equals("online"), LONG, "online");
        node.close();
        node = null;
        seen.await(m -> m.topic().equals(prefix + "/robot/availability")
                && new String((byte[]) m.fields().get("data"), StandardCharsets.UTF_8).equals("offline"), LONG, "offline");
    }
}
