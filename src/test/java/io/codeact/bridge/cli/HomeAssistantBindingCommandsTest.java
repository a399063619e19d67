package io.codeact.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.sim.node.HomeAssistantSimNode;
import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --binding ha}: code actions drive the devices Home Assistant discovery announces, here the simulated home. */
class HomeAssistantBindingCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void execDrivesTheAnnouncedDevicesAndTheSafetyGateDeniesUnlockingWithoutAPerson() throws Exception {
        String broker = EmbeddedBroker.shared().url();
        World world = WorldRegistry.standard().create("smart_home", 7, Map.of());
        String base = "clitest/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path action = dir.resolve("a.py");
        Files.writeString(action, """
                print(home.hallway_light.turn_off()["on"])
                try:
                    home.front_door.unlock()
                except SafetyViolation as e:
                    print(e.rule)
                """);
        java.util.Set<String> configs = new java.util.HashSet<>();
        try (HomeAssistantSimNode node = HomeAssistantSimNode.connect(world, o -> o.brokerUrl(broker).baseTopic(base))) {
            configs.addAll(node.discoveryConfigs().keySet());
            int code = run("exec", "--binding", "ha", "--broker", broker, "--confirm", "deny", "--timeout", "60", action.toString());
            assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).isEqualTo("False\nconfirm.irreversible\n");
            synchronized (world) {
                Map<String, Object> rooms = (Map<String, Object>) world.state().get("rooms");
                assertThat((Map<String, Object>) rooms.get("hallway")).containsEntry("light_on", false);
                assertThat((Map<String, Object>) world.state().get("lock")).containsEntry("locked", true);
            }
        } finally {
            // the configs are retained under the default discovery prefix: remove them for later tests
            try (var cleaner = io.codeact.bridge.transport.mqtt.MqttTransport.connect(c -> c.brokerUrl(broker).availability(false))) {
                for (String topic : configs) {
                    cleaner.publishBytes(topic, new byte[0], io.codeact.bridge.transport.mqtt.Qos.AT_LEAST_ONCE, true);
                }
            }
        }
    }

    @Test
    void theHaBindingTakesNoWorld() {
        assertThat(run("exec", "--binding", "ha", "--world", "smart_home", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--binding ha takes its APIs from Home Assistant discovery; leave --world out");
    }

    @Test
    void theHomeAssistantSimulatorIsOfferedForTheSmartHomeOnly() {
        assertThat(run("sim", "--world", "warehouse", "--homeassistant", "--broker", EmbeddedBroker.shared().url())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Home Assistant discovery is offered for the smart_home world only, got warehouse");
    }
}
