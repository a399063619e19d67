package io.codeact.bridge.bind.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.tools.ParamSpec;
import io.codeact.bridge.tools.RiskTier;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import io.codeact.bridge.transport.mqtt.discovery.DiscoveryProblem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated home announced by Home Assistant discovery, found and driven through the real embedded broker
 * from GraalPy code actions, behind the safety gate.
 */
class DiscoverySessionTest {
    private static String broker;

    @BeforeAll
    static void broker() {
        broker = EmbeddedBroker.shared().url();
    }

    private static ToolDeclaration tool(DiscoverySession s, String name) {
        return s.tools().find(name).orElseThrow(() -> new AssertionError(name + " not among "
                + s.tools().tools().stream().map(ToolDeclaration::qualifiedName).toList()));
    }

    @Test
    void theSimulatedHomesDiscoveryConfigsBecomeItsApis() {
        try (HomeFixture home = new HomeFixture(broker, 1.0);
                DiscoverySession s = home.session(broker, HomeFixture.confirming(false), Duration.ofSeconds(10))) {
            assertThat(s.problems()).isEmpty();
            assertThat(s.warnings()).isEmpty();
            assertThat(s.discovered().devices()).containsOnlyKeys(
                    "living_room_light", "kitchen_light", "bedroom_light", "bathroom_light", "hallway_light",
                    "thermostat", "front_door", "garage_door",
                    "living_room_temperature", "kitchen_temperature", "bedroom_temperature", "bathroom_temperature",
                    "hallway_temperature", "outdoor_temperature",
                    "living_room_motion", "kitchen_motion", "bedroom_motion", "bathroom_motion", "hallway_motion",
                    "front_door_contact", "garage_contact");
            ParamSpec brightness = tool(s, "home.kitchen_light.turn_on").param("brightness");
            assertThat(brightness.min()).isEqualTo(0.0);
            assertThat(brightness.max()).isEqualTo(100.0);
            ParamSpec setpoint = tool(s, "home.thermostat.set_temperature").param("temperature");
            assertThat(setpoint.min()).isEqualTo(10.0);
            assertThat(setpoint.max()).isEqualTo(30.0);
            assertThat(tool(s, "home.thermostat.set_mode").param("mode").choices()).containsExactly("heat", "cool", "auto", "off");
            assertThat(tool(s, "home.front_door.unlock").risk()).isEqualTo(RiskTier.IRREVERSIBLE);
            assertThat(tool(s, "home.front_door.lock").risk()).isEqualTo(RiskTier.REVERSIBLE);
            assertThat(tool(s, "home.garage_door.open").risk()).isEqualTo(RiskTier.IRREVERSIBLE);
            assertThat(tool(s, "home.kitchen_light.turn_on").risk()).isEqualTo(RiskTier.REVERSIBLE);
            assertThat(tool(s, "home.kitchen_temperature.read").risk()).isEqualTo(RiskTier.READ);
            assertThat(s.discovered().devices().get("garage_door").deviceClass()).isEqualTo("garage");
            assertThat(tool(s, "home.garage_door.open").source())
                    .isEqualTo("discovery:" + home.discoveryPrefix + "/cover/" + home.base.replace('/', '_') + "/garage_door/config");
        }
    }

    @Test
    void aCodeActionTurnsTheKitchenLightOnAtHalfBrightnessAndSetsTheThermostat() {
        try (HomeFixture home = new HomeFixture(broker, 1.0);
                DiscoverySession s = home.session(broker, HomeFixture.confirming(false), Duration.ofSeconds(10))) {
            String out = HomeFixture.run(s, """
                    r = home.kitchen_light.turn_on(brightness=50)
                    print(r["on"], r["brightness"], r["confirmed"])
                    t = home.thermostat.set_temperature(22.5)
                    m = home.thermostat.set_mode("cool")
                    print(t["temperature"], m["mode"], m["confirmed"])
                    print(home.kitchen_light.state()["on"], home.kitchen_motion.read()["value"], home.living_room_motion.read()["value"])
                    print(type(home.kitchen_temperature.read()["value"]).__name__, home.kitchen_temperature.read()["unit"])
                    """);
            assertThat(out).isEqualTo("True 50 True\n22.5 cool True\nTrue False True\nfloat °C\n");
            assertThat(home.state("rooms", "kitchen")).containsEntry("light_on", true).containsEntry("brightness", 50.0);
            assertThat(home.state("thermostat")).containsEntry("setpoint", 22.5).containsEntry("mode", "cool");
        }
    }

    @Test
    void unlockingTheFrontDoorWaitsForAPerson() {
        try (HomeFixture home = new HomeFixture(broker, 1.0)) {
            try (DiscoverySession denied = home.session(broker, HomeFixture.confirming(false), Duration.ofSeconds(10))) {
                String out = HomeFixture.run(denied, """
                        try:
                            home.front_door.unlock()
                        except SafetyViolation as e:
                            print(e.rule)
                        print(home.front_door.state()["locked"])
                        """);
                assertThat(out).isEqualTo("confirm.irreversible\nTrue\n");
                assertThat(home.state("lock")).containsEntry("locked", true);
            }
            try (DiscoverySession approved = home.session(broker, HomeFixture.confirming(true), Duration.ofSeconds(10))) {
                String out = HomeFixture.run(approved, "r = home.front_door.unlock()\nprint(r['state'], r['locked'], r['confirmed'])\n");
                assertThat(out).isEqualTo("UNLOCKED False True\n");
                assertThat(home.state("lock")).containsEntry("locked", false);
            }
        }
    }

    @Test
    void aStateThatNeverReachesTheRequestedValueTimesOutNamingTheTopicAndTheLastState() {
        String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String prefix = "ha_" + tag;
        try (MqttTransport device = MqttTransport.connect(c -> c.brokerUrl(broker).availability(false))) {
            // A lamp that announces itself and its state, but never acts on a command.
            retain(device, prefix + "/light/stuck_lamp/config", "{\"name\": \"Stuck lamp\", \"cmd_t\": \"" + tag + "/lamp/set\", "
                    + "\"stat_t\": \"" + tag + "/lamp/state\"}");
            retain(device, tag + "/lamp/state", "OFF");
            try (DiscoverySession s = DiscoverySession.connect(broker, o -> o.homeAssistantPrefix(prefix).homiePrefix(null)
                    .settle(Duration.ofMillis(300)).timeout(Duration.ofMillis(600)))) {
                String out = HomeFixture.run(s, """
                        try:
                            home.stuck_lamp.turn_on()
                        except CommandTimeout as e:
                            print(e)
                        """);
                assertThat(out.replaceAll("'OFF' \\([0-9.]+ s old\\)", "'OFF' (AGE s old)")).isEqualTo("home.stuck_lamp.turn_on(): "
                        + "sent 'ON' to " + tag + "/lamp/set, but " + tag + "/lamp/state did not show 'ON' within 0.6 s; the last state "
                        + "seen there was 'OFF' (AGE s old). The device may be unable to do it, or not be running; `codeact mqtt sub '"
                        + tag + "/lamp/state'` shows what it publishes.\n");
            }
        }
    }

    @Test
    void anOfflineDeviceRefusesCommandsButStillShowsItsLastState() {
        try (HomeFixture home = new HomeFixture(broker, 1.0);
                DiscoverySession s = home.session(broker, HomeFixture.confirming(false), Duration.ofSeconds(10))) {
            home.node.close();  // publishes offline on the devices' availability topic
            String out = HomeFixture.run(s, """
                    import time
                    while home.kitchen_light.state()["available"]:
                        time.sleep(0.05)
                    try:
                        home.kitchen_light.turn_on()
                    except RobotError as e:
                        print(e)
                    print(home.kitchen_light.state()["on"])
                    """);
            assertThat(out).startsWith("home.kitchen_light.turn_on() refused: 'Kitchen light' (light, announced on " + home.discoveryPrefix
                    + "/light/" + home.base.replace('/', '_') + "/kitchen_light/config) is offline (" + home.node.availabilityTopic()
                    + " says 'offline', ");
            assertThat(out).endsWith("s ago), so the command would not reach it. Wait until it is back online; state() still shows its "
                    + "last state.\nFalse\n");
        }
    }

    @Test
    void malformedAndIncompleteAnnouncementsAreReportedAndSkippedWhileTheRestWorks() {
        String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String prefix = "ha_" + tag;
        try (MqttTransport device = MqttTransport.connect(c -> c.brokerUrl(broker).availability(false))) {
            retain(device, prefix + "/light/no_command/config", "{\"name\": \"Half a lamp\", \"stat_t\": \"" + tag + "/x\"}");
            retain(device, prefix + "/switch/garbled/config", "{not json");
            retain(device, prefix + "/switch/templated/config", "{\"cmd_t\": \"" + tag + "/t/set\", \"cmd_tpl\": \"{{ value | lower }}\"}");
            retain(device, prefix + "/sensor/hall/config", "{\"stat_t\": \"" + tag + "/hall\", \"unit_of_meas\": \"°C\"}");
            retain(device, tag + "/hall", "19.5");
            try (DiscoverySession s = DiscoverySession.connect(broker, o -> o.homeAssistantPrefix(prefix).homiePrefix(null)
                    .settle(Duration.ofMillis(300)))) {
                assertThat(s.problems()).extracting(DiscoveryProblem::topic)
                        .containsExactlyInAnyOrder(prefix + "/light/no_command/config", prefix + "/switch/garbled/config");
                assertThat(s.problems()).filteredOn(p -> p.topic().endsWith("no_command/config")).singleElement()
                        .extracting(DiscoveryProblem::field).isEqualTo("command_topic");
                assertThat(s.warnings()).singleElement().asString().startsWith(prefix + "/switch/templated/config: switch 'templated' left out");
                assertThat(s.discovered().devices()).containsOnlyKeys("hall");
                String out = HomeFixture.run(s, "r = home.hall.read()\nprint(r['value'], r['unit'], r['age_s'] >= 0)\n");
                assertThat(out).isEqualTo("19.5 °C True\n");
            }
        }
    }

    private static void retain(MqttTransport device, String topic, String payload) {
        device.publishBytes(topic, payload.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, true);
    }
}
