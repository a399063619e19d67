package io.codeact.bridge.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.Worlds;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.sim.node.SimMqttNode;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The controller node driving a robot outside its process: a simulated device node on an MQTT broker. */
class RemoteRobotNodeTest {
    @Test
    void aGoalOverMqttDrivesTheDeviceOnTheBroker() throws Exception {
        String url = EmbeddedBroker.shared().url();
        World world = Worlds.create("warehouse", 7, Map.of());
        ToolSet tools = ToolSet.load(List.of(SimWorldSession.declarations("warehouse", Path.of("robot-tools"))));
        Path script = Path.of(RemoteRobotNodeTest.class.getResource("drive-5s.yaml").toURI());
        Path logs = Files.createTempDirectory("remote-node");
        List<Map<String, Object>> results = new CopyOnWriteArrayList<>();
        try (SimMqttNode device = SimMqttNode.connect(world, tools, o -> o.brokerUrl(url).prefix("codeact").device("rover").realtime(20));
                MqttTransport watcher = MqttTransport.connect(c -> c.brokerUrl(url).availability(false))) {
            watcher.subscribe("codeact/agent/robot/result", "json", m -> results.add(m.fields()));
            ControllerNode node = ControllerNode.start(NodeOptions.builder().world("warehouse").model("scripted:" + script)
                    .episode(new EpisodeSettings("code", 4, 0, null, Duration.ofSeconds(60))).mqtt(true).broker(url)
                    .binding("mqtt").device("rover").logDir(logs).home(Path.of(".")).build());
            try {
                assertThat(node.binding().describe()).contains("device 'rover' over MQTT");
                assertThatThrownBy(node::robot).hasMessageContaining("not an in-process simulator");
                double x0 = x(world);
                watcher.publish("codeact/agent/robot/goal", "json", Map.of("goal_id", "r1", "text", "Drive forward."));
                long deadline = System.nanoTime() + 90_000_000_000L;
                while (results.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(results).hasSize(1);
                assertThat(results.get(0)).containsEntry("goal_id", "r1").containsEntry("outcome", "solved");
                assertThat(x(world) - x0).as("the device's robot moved forward").isGreaterThan(1.0);
            } finally {
                node.close();
            }
        }
    }

    @Test
    void badRemoteOptionsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> NodeOptions.builder().world("warehouse").model("oracle").binding("mqtt").home(Path.of(".")).build())
                .hasMessageContaining("give device");
        assertThatThrownBy(() -> NodeOptions.builder().world("warehouse").model("oracle").binding("ros").home(Path.of(".")).build())
                .hasMessageContaining("give master");
        assertThatThrownBy(() -> NodeOptions.builder().world("warehouse").model("oracle").binding("zigbee").home(Path.of(".")).build())
                .hasMessageContaining("binding must be sim");
    }

    private static double x(World w) {
        synchronized (w) {
            return ((Number) ((Map<?, ?>) ((Map<?, ?>) w.state().get("robots")).get("r1")).get("x")).doubleValue();
        }
    }
}
