package io.codeact.bridge.sim.node;

import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.safety.StopEcho;

import io.codeact.bridge.bind.mqtt.MqttToolInvoker;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.sim.WorldRegistry;
import io.codeact.bridge.sim.inprocess.SimWorldSession;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.mqtt.CommandChannel;
import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A simulated world bound to code actions over MQTT, end to end: a {@link SimMqttNode} hosts the world in this
 * JVM, and the session's APIs reach it only through the broker ({@link MqttToolInvoker} → {@link CommandChannel}
 * → broker → node → world → echo), exactly as they would reach a real device. The world stays readable here
 * (under its monitor) for observations and success checks. {@code wait(s)} is the node's {@code sim.wait}.
 *
 * <pre>{@code
 * try (SimWorldSession sim = MqttWorldSession.create("warehouse", 7, Map.of(), Path.of("robot-tools"), o -> {})) {
 *     sim.bindTo(session, config);    // through the process's embedded broker, lockstep
 * }
 * }</pre>
 */
public final class MqttWorldSession {
    private MqttWorldSession() {}

    /**
     * Creates the world, starts its node and connects the bridge side.
     *
     * @throws IllegalArgumentException for an unknown world or a world without declarations
     * @throws io.codeact.bridge.transport.TransportException if the broker cannot be reached
     */
    public static SimWorldSession create(String worldName, long seed, Map<String, ?> scenario, Path toolsDir, Consumer<Options> configure) {
        Options o = new Options();
        configure.accept(o);
        Path declarations = SimWorldSession.declarations(worldName, toolsDir);
        World world = WorldRegistry.standard().create(worldName, seed, scenario);
        ToolSet tools = ToolSet.load(List.of(declarations));
        String url = o.brokerUrl != null ? o.brokerUrl : EmbeddedBroker.shared().url();
        double timeScale = o.realtimeRate > 0 ? 1 / o.realtimeRate : LOCKSTEP_TIME_SCALE;
        SimMqttNode node = SimMqttNode.connect(world, tools, n -> {
            n.brokerUrl(url).prefix(o.prefix).device(o.device).lease(o.lease);
            if (o.realtimeRate > 0) {
                n.realtime(o.realtimeRate);
            } else {
                n.lockstep();
            }
        });
        MqttTransport bridge = null;
        CommandChannel channel = null;
        try {
            bridge = MqttTransport.connect(c -> c.brokerUrl(url).prefix(o.prefix));
            channel = CommandChannel.open(bridge, c -> c.prefix(o.prefix));
            MqttToolInvoker invoker = MqttToolInvoker.create(bridge, channel,
                    i -> i.prefix(o.prefix).device(o.device).lease(o.lease).timeScale(timeScale));
            String device = node.device();
            SimWorldSession.Wait wait = seconds -> {
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("seconds", seconds);
                Duration timeout = Duration.ofMillis(5000 + (long) Math.ceil(1500 * seconds * timeScale));
                Object t = invoker.call(device, SimMqttNode.WAIT_API, args, timeout, false).get("t");
                return ((Number) t).doubleValue();
            };
            MqttTransport b = bridge;
            CommandChannel ch = channel;
            String stopTopic = SimMqttNode.stopTopic(o.prefix, device);
            StopEcho echo = new StopEcho(); // our own halts come back on the stop topic: they must not latch
            // a stop sent on the bus by anyone latches this controller too: motion stays refused until a person resumes
            for (String topic : List.of(SimMqttNode.stopTopic(o.prefix, null), stopTopic)) {
                b.subscribe(topic, "text", Qos.AT_LEAST_ONCE, m -> {
                    if (!echo.ours(m.fields().get("text"))) {
                        o.safety.latch().noteRemoteStop("MQTT " + m.topic() + ": " + m.fields().getOrDefault("text", ""));
                    }
                });
            }
            return SimWorldSession.bound(world, tools, invoker, wait, () -> {
                try {
                    ch.close();
                    b.close();
                } finally {
                    node.close();
                }
            }, o.safety, reason -> {
                // the device's own emergency stop topic: it halts ahead of any queued command
                b.publish(stopTopic, "text", Map.of("text", echo.mark(reason)));
                return Map.of("halted", List.of("all (published on " + stopTopic + ")"), "reason", reason);
            });
        } catch (RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            if (bridge != null) {
                bridge.close();
            }
            node.close();
            throw e;
        }
    }

    /** Wall seconds per sim second the bridge allows a lockstep node: it must run at least 100× real time. */
    static final double LOCKSTEP_TIME_SCALE = 0.01;

    /** Options of an MQTT-bound world. */
    public static final class Options {
        String brokerUrl;
        String prefix = "codeact";
        String device;
        double realtimeRate;
        Duration lease = Duration.ofSeconds(1);
        SafetySettings safety = SafetySettings.unattendedSimulator();

        Options() {}

        /** The safety layer in front of the binding (default: unattended simulator settings). */
        public Options safety(SafetySettings value) {
            this.safety = value;
            return this;
        }

        /** The broker; null (the default) uses this process's embedded broker ({@link EmbeddedBroker#shared()}). */
        public Options brokerUrl(String url) {
            this.brokerUrl = url;
            return this;
        }

        /** The topic prefix (default {@code codeact}); sessions sharing a broker need different ones. */
        public Options prefix(String value) {
            this.prefix = value;
            return this;
        }

        /** The node's device name (default the declarations' namespace). */
        public Options device(String value) {
            this.device = value;
            return this;
        }

        /** Lockstep (the default): sim time moves only while a command runs. */
        public Options lockstep() {
            this.realtimeRate = 0;
            return this;
        }

        /** Realtime at {@code rate} sim seconds per wall second. */
        public Options realtime(double rate) {
            if (!(rate > 0) || rate > 1000) {
                throw new IllegalArgumentException("rate must be in (0, 1000] sim seconds per wall second, got " + rate);
            }
            this.realtimeRate = rate;
            return this;
        }

        /** The motion lease, wall time (default 1 s). */
        public Options lease(Duration value) {
            this.lease = value;
            return this;
        }
    }
}
