package io.codeact.bridge.node;

import io.codeact.bridge.agent.AgentConfig;
import io.codeact.bridge.bind.mqtt.MqttRobotSession;
import io.codeact.bridge.safety.RobotSession;
import io.codeact.bridge.sandbox.Session;
import io.codeact.bridge.tools.ros.RosWorldSession;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A robot outside the node's process — a device on an MQTT broker or a robot on a ROS master — as the
 * node's {@link RobotBinding}: its declared APIs behind the safety layer, halted through the gate's
 * emergency stop (the device's stop topic, {@code /codeact/stop}). It runs goals in words; tasks need a
 * simulator of their own and are refused.
 */
final class RemoteRobot implements RobotBinding, AutoCloseable {
    private final RobotSession session;
    private final String description;

    private RemoteRobot(RobotSession session, String description) {
        this.session = session;
        this.description = description;
    }

    /**
     * Connects to the robot the options name ({@code binding} mqtt or ros).
     *
     * @throws RuntimeException from the transport when the broker or master cannot be reached
     */
    static RemoteRobot connect(NodeOptions o) {
        var tools = o.home().resolve("robot-tools");
        var safety = o.safetySettings(o.world());
        if (o.binding().equals("ros")) {
            return new RemoteRobot(RosWorldSession.connect(o.world(), o.master(), tools, safety),
                    o.world() + " robot over ROS on " + o.master());
        }
        return new RemoteRobot(MqttRobotSession.connect(o.world(), tools, m -> m.brokerUrl(o.broker()).device(o.device()), safety),
                o.world() + " device '" + o.device() + "' over MQTT on " + o.broker());
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void bindTo(Session s, AgentConfig config) {
        session.bindTo(s, config);
    }

    @Override
    public Map<String, Object> halt(String reason) {
        session.safety().haltMotion(reason);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("halted", "all (the robot's emergency stop)");
        out.put("reason", reason);
        return out;
    }

    @Override
    public void close() {
        session.close();
    }
}
