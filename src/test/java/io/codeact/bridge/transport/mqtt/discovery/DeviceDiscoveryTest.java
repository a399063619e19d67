package io.codeact.bridge.transport.mqtt.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import io.codeact.bridge.transport.mqtt.SharedBrokerAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceDiscoveryTest {
    private final List<DiscoveryEvent> events = new ArrayList<>();
    private String ha;
    private String homie;
    private MqttTransport device;
    private MqttTransport bridge;
    private DeviceDiscovery discovery;

    @BeforeEach
    void start() {
        String tag = Long.toString(System.nanoTime(), 36);
        ha = "ha" + tag;
        homie = "homie" + tag;
        device = MqttTransport.connect(c -> c.brokerUrl(SharedBrokerAccess.url()).availability(false));
        bridge = MqttTransport.connect(c -> c.brokerUrl(SharedBrokerAccess.url()));
    }

    @AfterEach
    void stop() {
        discovery.close();
        bridge.close();
        device.close();
    }

    private void retain(String topic, String payload) {
        device.publishBytes(topic, payload.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, true);
    }

    private void discover() {
        discovery = DeviceDiscovery.start(bridge, o -> o.homeAssistantPrefix(ha).homiePrefix(homie).listener(this::record));
    }

    private synchronized void record(DiscoveryEvent e) {
        events.add(e);
        notifyAll();
    }

    private synchronized DiscoveryEvent await(Predicate<DiscoveryEvent> match, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.stream().noneMatch(match)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            assertThat(left).as("waiting for " + what + "; got " + events).isPositive();
            wait(left);
        }
        return events.stream().filter(match).findFirst().orElseThrow();
    }

    @Test
    void retainedAnnouncementsBecomeDevicesAndAnEmptyConfigRemovesOne() throws Exception {
        retain(ha + "/light/kitchen/config", "{\"cmd_t\": \"k/set\", \"stat_t\": \"k/state\", \"name\": \"Kitchen\"}");
        retain(ha + "/lock/front/config", "{\"cmd_t\": \"front/set\"}");
        discover();
        await(e -> e.kind() == DiscoveryEvent.Kind.ADDED && e.device().id().equals("front"), "the lock");
        await(e -> e.kind() == DiscoveryEvent.Kind.ADDED && e.device().id().equals("kitchen"), "the light");
        assertThat(discovery.device("front").orElseThrow().risk()).isEqualTo(RiskTier.IRREVERSIBLE);

        retain(ha + "/light/kitchen/config", "{\"cmd_t\": \"k/set\", \"stat_t\": \"k/state\", \"name\": \"Kitchen lamp\"}");
        assertThat(await(e -> e.kind() == DiscoveryEvent.Kind.UPDATED, "the update").device().name()).isEqualTo("Kitchen lamp");

        retain(ha + "/light/kitchen/config", "");
        assertThat(await(e -> e.kind() == DiscoveryEvent.Kind.REMOVED, "the removal").device().id()).isEqualTo("kitchen");
        assertThat(discovery.devices()).extracting(DiscoveredDevice::id).containsExactly("front");
        retain(ha + "/lock/front/config", "");
    }

    @Test
    void anInvalidUpdateIsReportedAndTheLastGoodVersionKept() throws Exception {
        retain(ha + "/switch/pump/config", "{\"cmd_t\": \"pump/set\"}");
        discover();
        await(e -> e.kind() == DiscoveryEvent.Kind.ADDED, "the pump");
        retain(ha + "/switch/pump/config", "{\"name\": \"Pump\"}");
        DiscoveryProblem p = await(e -> e.kind() == DiscoveryEvent.Kind.INVALID, "the problem").problem();
        assertThat(p.topic()).isEqualTo(ha + "/switch/pump/config");
        assertThat(p.field()).isEqualTo("command_topic");
        assertThat(discovery.device("pump").orElseThrow().commandTopic()).isEqualTo("pump/set");
        assertThat(discovery.problems()).containsExactly(p);
        retain(ha + "/switch/pump/config", "");
    }

    @Test
    void homieDevicesBecomeOneDevicePerProperty() throws Exception {
        String base = homie + "/garage-ctl";
        retain(base + "/$homie", "4.0.0");
        retain(base + "/$name", "Garage");
        retain(base + "/$nodes", "door,temp");
        retain(base + "/door/$name", "Door");
        retain(base + "/door/$properties", "open");
        retain(base + "/door/open/$datatype", "boolean");
        retain(base + "/door/open/$settable", "true");
        retain(base + "/temp/$properties", "celsius");
        retain(base + "/temp/celsius/$datatype", "float");
        retain(base + "/temp/celsius/$format", "-20:60");
        retain(base + "/temp/celsius/$unit", "°C");
        retain(base + "/$state", "ready");
        discover();
        // Retained attributes arrive in any order: wait until the registry holds the complete versions.
        await(e -> e.device() != null && e.device().id().equals("garage-ctl/door/open") && e.device().component().equals("switch"), "the door");
        await(e -> e.device() != null && e.device().id().equals("garage-ctl/temp/celsius") && !e.device().ranges().isEmpty()
                && e.device().ranges().get("celsius").unit().equals("°C"), "the thermometer");
        DiscoveredDevice door = discovery.device("garage-ctl/door/open").orElseThrow();
        assertThat(door.component()).isEqualTo("switch");
        assertThat(door.commandTopic()).isEqualTo(base + "/door/open/set");
        assertThat(door.stateTopic()).isEqualTo(base + "/door/open");
        assertThat(door.risk()).isEqualTo(RiskTier.IRREVERSIBLE);
        DiscoveredDevice temp = discovery.device("garage-ctl/temp/celsius").orElseThrow();
        assertThat(temp.component()).isEqualTo("sensor");
        assertThat(temp.ranges()).isEqualTo(Map.of("celsius", new Range(-20, 60, "°C")));
        assertThat(temp.risk()).isEqualTo(RiskTier.READ);

        retain(base + "/$state", "");
        await(e -> e.kind() == DiscoveryEvent.Kind.REMOVED, "removal");
        for (String t : List.of("$homie", "$name", "$nodes", "door/$name", "door/$properties", "door/open/$datatype", "door/open/$settable",
                "temp/$properties", "temp/celsius/$datatype", "temp/celsius/$format", "temp/celsius/$unit")) {
            retain(base + "/" + t, "");
        }
    }

    @Test
    void aHomieDeviceMissingADatatypeIsNamed() throws Exception {
        String base = homie + "/pump";
        retain(base + "/$nodes", "main");
        retain(base + "/main/$properties", "speed");
        retain(base + "/$state", "ready");
        discover();
        DiscoveryProblem p = await(e -> e.kind() == DiscoveryEvent.Kind.INVALID && e.problem().field().equals("$datatype"), "the problem").problem();
        assertThat(p.message()).isEqualTo("Homie device pump: " + base + "/main/speed/$datatype is missing; it is required by Homie 4"
                + " (integer, float, boolean, string, enum, color, datetime or duration). Fix the device's announcement; until then its properties are not offered.");
        assertThat(p.field()).isEqualTo("$datatype");
        for (String t : List.of("$nodes", "main/$properties", "$state")) {
            retain(base + "/" + t, "");
        }
    }
}
