package io.codeact.bridge.sim.node;

import io.codeact.bridge.sim.SimCommandException;
import io.codeact.bridge.sim.SimRunner;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.tools.ros.ToolCallProtocol;
import io.codeact.bridge.transport.ros.MessageRegistry;
import io.codeact.bridge.transport.ros.ProblemListener;
import io.codeact.bridge.transport.ros.RosNode;
import io.codeact.bridge.transport.ros.RosPublisher;
import io.codeact.bridge.transport.ros.RosServiceServer;
import io.codeact.bridge.transport.ros.RosSubscriber;
import io.codeact.bridge.transport.ros.Time;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated world as a ROS 1 node that rostopic, rospy and the bridge see as an ordinary robot. A runner
 * thread steps the world paced to wall time × {@code realtimeFactor}; the node publishes what a real base
 * publishes and takes the commands a real base controller takes:
 *
 * <ul>
 *   <li>{@code /odom} nav_msgs/Odometry (noisy wheel odometry, frame {@code odom} → {@code base_link}),
 *       {@code /scan} sensor_msgs/LaserScan (frame {@code base_scan}), {@code /battery}
 *       sensor_msgs/BatteryState, {@code /clock} rosgraph_msgs/Clock (sim time); stamps are sim time when
 *       {@link Builder#useSimTime} is on (and {@code /use_sim_time} is then set), else wall time;</li>
 *   <li>{@code /cmd_vel} geometry_msgs/Twist → {@code base.set_velocity} with a lease of
 *       {@link Builder#cmdVelTimeout} wall seconds: the base stops by itself when cmd_vel stops;</li>
 *   <li>every world API through {@value ToolCallProtocol#CALL_SERVICE} ({@value ToolCallProtocol#TOOL_CALL_TYPE});
 *       motions started there stay renewed only while {@value ToolCallProtocol#LEASE_TOPIC} heartbeats arrive
 *       (at most {@link Builder#leaseTimeout} wall seconds apart);</li>
 *   <li>{@value ToolCallProtocol#STOP_TOPIC} std_msgs/String → {@link World#halt} with the text as who stopped it.</li>
 * </ul>
 *
 * The standard topics are served only when the world has the APIs behind them ({@code odom.pose},
 * {@code lidar.scan}, {@code battery.level}, {@code base.set_velocity}), for one robot. Thread-safe;
 * {@link #close()} stops the runner and unregisters the node.
 * <pre>{@code
 * try (SimRosNode sim = SimRosNode.builder(Worlds.create("warehouse", 7, Map.of()))
 *         .masterUri("http://localhost:11311/").start()) {
 *     sim.awaitClosed();
 * }
 * }</pre>
 */
public final class SimRosNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimRosNode.class);

    private final LockedWorld world;
    private final Builder config;
    private final RosNode node;
    private final ToolCallServer toolCalls;
    private final List<AutoCloseable> handles = new ArrayList<>();
    private final Thread runner;
    private volatile boolean closed;
    private volatile long lastHeartbeatNanos = Long.MIN_VALUE;
    private volatile String lastCmdVelProblem;

    private SimRosNode(Builder b) {
        this.config = b;
        this.world = new LockedWorld(b.world);
        this.toolCalls = new ToolCallServer(world, b.realtimeFactor, () -> closed);
        checkOneRobot();
        RosNode.Builder nb = RosNode.builder(b.nodeName).types(ToolCallProtocol.register(MessageRegistry.withBundledTypes()));
        if (b.masterUri != null) {
            nb.masterUri(b.masterUri);
        }
        if (b.host != null) {
            nb.host(b.host);
        }
        if (b.problems != null) {
            nb.onProblem(b.problems);
        }
        this.node = nb.start();
        try {
            this.runner = wire();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        runner.start();
    }

    public static Builder builder(World world) {
        return new Builder(world);
    }

    private void checkOneRobot() {
        if (world.apis().contains("odom.pose")) {
            try {
                world.start("odom.pose", Map.of());
            } catch (SimCommandException e) {
                throw new IllegalArgumentException("a ROS sim node serves one robot, but: " + e.getMessage()
                        + "; use a scenario with one robot", e);
            }
        }
    }

    private Thread wire() {
        if (config.useSimTime) {
            node.params().set("/use_sim_time", true);
        }
        node.params().set(ToolCallProtocol.WORLD_PARAM, world.name());
        node.params().set(ToolCallProtocol.APIS_PARAM, List.copyOf(world.apis()));
        SimRunner.Builder rb = SimRunner.builder(world).realtimeFactor(config.realtimeFactor).stepSeconds(config.stepSeconds);
        RosPublisher clock = keep(node.advertise("/clock", "rosgraph_msgs/Clock"));
        rb.listener(w -> clock.publish(RosSimMessages.clock(simTime())));
        reading(rb, "odom.pose", "/odom", "nav_msgs/Odometry", config.odomHz, r -> RosSimMessages.odometry(r, stamp()));
        reading(rb, "lidar.scan", "/scan", "sensor_msgs/LaserScan", config.scanHz,
                r -> RosSimMessages.laserScan(r, stamp(), 1.0 / config.scanHz));
        reading(rb, "battery.level", "/battery", "sensor_msgs/BatteryState", config.batteryHz,
                r -> RosSimMessages.batteryState(r, stamp()));
        if (world.apis().contains("base.set_velocity")) {
            keep(node.subscribe("/cmd_vel", "geometry_msgs/Twist", this::onCmdVel));
        }
        keep(node.subscribe(ToolCallProtocol.LEASE_TOPIC, "std_msgs/String", m -> lastHeartbeatNanos = System.nanoTime()));
        keep(node.subscribe(ToolCallProtocol.STOP_TOPIC, "std_msgs/String", this::onStop));
        keep(node.advertiseService(ToolCallProtocol.CALL_SERVICE, ToolCallProtocol.TOOL_CALL_TYPE, toolCalls::handle));
        long leaseNanos = (long) (config.leaseTimeout * 1e9);
        rb.listener(w -> toolCalls.renewWhile(heartbeatFresh(leaseNanos)));
        SimRunner runner = rb.build();
        return Thread.ofPlatform().name("sim-ros-" + world.name()).daemon().unstarted(() -> run(runner));
    }

    private void reading(SimRunner.Builder rb, String api, String topic, String type, double hz,
                         Function<Map<String, Object>, Map<String, Object>> toMessage) {
        if (!world.apis().contains(api) || hz <= 0) {
            return;
        }
        RosPublisher publisher = keep(node.advertise(topic, type));
        rb.listener(SimRunner.every(1.0 / hz, w -> publisher.publish(toMessage.apply(w.start(api, Map.of()).result()))));
    }

    private void run(SimRunner runner) {
        try {
            runner.runUntil(() -> closed, Double.POSITIVE_INFINITY);
        } catch (InterruptedException e) {
            // close() interrupts the pacing sleep
        } catch (RuntimeException e) {
            if (!closed) {
                log.error("{}: the simulator stopped at t={} s: {}", node.name(), world.clock().seconds(), e.toString(), e);
            }
        }
    }

    private boolean heartbeatFresh(long leaseNanos) {
        long last = lastHeartbeatNanos;
        return last != Long.MIN_VALUE && System.nanoTime() - last < leaseNanos;
    }

    private void onCmdVel(Map<String, Object> twist) {
        double linear = component(twist, "linear", "x");
        double angular = component(twist, "angular", "z");
        double lease = Math.max(0.05, config.cmdVelTimeout * (config.realtimeFactor > 0 ? config.realtimeFactor : 1));
        try {
            world.start("base.set_velocity", Map.of("linear", linear, "angular", angular, "lease", lease));
            lastCmdVelProblem = null;
        } catch (SimCommandException e) {
            if (!e.getMessage().equals(lastCmdVelProblem)) {
                log.warn("{}: /cmd_vel ignored: {} (the base keeps its last command until its deadman)", node.name(), e.getMessage());
            }
            lastCmdVelProblem = e.getMessage();
        }
    }

    private void onStop(Map<String, Object> message) {
        String by = String.valueOf(message.getOrDefault("data", ""));
        Map<String, Object> halted = world.halt(by.isBlank() ? ToolCallProtocol.STOP_TOPIC : by);
        log.warn("{}: emergency stop on {} by '{}': halted {}", node.name(), ToolCallProtocol.STOP_TOPIC, by, halted.get("halted"));
    }

    private static double component(Map<String, Object> message, String vector, String axis) {
        return message.get(vector) instanceof Map<?, ?> v && v.get(axis) instanceof Number n ? n.doubleValue() : 0.0;
    }

    private Time simTime() {
        return Time.ofNanos(world.clock().nanos());
    }

    private Time stamp() {
        return config.useSimTime ? simTime() : Time.of(Instant.now());
    }

    private <T extends AutoCloseable> T keep(T handle) {
        handles.add(handle);
        return handle;
    }

    public World world() {
        return world;
    }

    public RosNode node() {
        return node;
    }

    /** Waits until the node is closed (by {@link #close()}, or the master's shutdown request). */
    public void awaitClosed() throws InterruptedException {
        while (!closed && !node.isClosed()) {
            runner.join(500);
        }
    }

    /** Stops the runner (waiting for it) and the node. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (runner != null) {
            runner.interrupt();
            try {
                runner.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (world.lock()) {
            world.lock().notifyAll();
        }
        for (AutoCloseable h : handles) {
            try {
                h.close();
            } catch (Exception e) {
                log.debug("closing {}: {}", h, e.toString());
            }
        }
        node.close();
    }

    /** Configures a {@link SimRosNode}. Rates are per second of sim time; timeouts are wall seconds. */
    public static final class Builder {
        private final World world;
        private String nodeName = "/codeact_sim";
        private String masterUri;
        private String host;
        private ProblemListener problems;
        private double realtimeFactor = 1.0;
        private double stepSeconds = 0.02;
        private boolean useSimTime;
        private double cmdVelTimeout = 0.5;
        private double leaseTimeout = 0.5;
        private double odomHz = 20;
        private double scanHz = 10;
        private double batteryHz = 1;

        private Builder(World world) {
            this.world = world;
        }

        public Builder nodeName(String name) {
            this.nodeName = name;
            return this;
        }

        /** The master; default ROS_MASTER_URI, then http://localhost:11311/. */
        public Builder masterUri(String uri) {
            this.masterUri = uri;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder onProblem(ProblemListener listener) {
            this.problems = listener;
            return this;
        }

        /** Sim seconds per wall second (default 1); must be positive: a ROS robot lives in wall time. */
        public Builder realtimeFactor(double factor) {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("the realtime factor of a ROS sim node must be > 0 (1 = real time), got " + factor);
            }
            this.realtimeFactor = factor;
            return this;
        }

        /** Sim seconds per runner step (default 0.02, whole world ticks are taken). */
        public Builder stepSeconds(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("stepSeconds must be > 0 s, got " + seconds);
            }
            this.stepSeconds = seconds;
            return this;
        }

        /** Sets {@code /use_sim_time} true and stamps messages with sim time (default: wall-time stamps). */
        public Builder useSimTime(boolean on) {
            this.useSimTime = on;
            return this;
        }

        /** The cmd_vel deadman: wall seconds without a /cmd_vel after which the base stops (default 0.5). */
        public Builder cmdVelTimeout(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("cmdVelTimeout must be > 0 s, got " + seconds);
            }
            this.cmdVelTimeout = seconds;
            return this;
        }

        /** Wall seconds without a /codeact/lease heartbeat after which motions started by service stop being renewed (default 0.5). */
        public Builder leaseTimeout(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("leaseTimeout must be > 0 s, got " + seconds);
            }
            this.leaseTimeout = seconds;
            return this;
        }

        /** Publishing rates in Hz of sim time (defaults 20, 10, 1); 0 turns a topic off. */
        public Builder rates(double odomHz, double scanHz, double batteryHz) {
            if (odomHz < 0 || scanHz < 0 || batteryHz < 0) {
                throw new IllegalArgumentException("rates must be ≥ 0 Hz, got odom " + odomHz + ", scan " + scanHz + ", battery " + batteryHz);
            }
            this.odomHz = odomHz;
            this.scanHz = scanHz;
            this.batteryHz = batteryHz;
            return this;
        }

        /**
         * Registers with the master, starts publishing and serving, and starts the runner thread.
         *
         * @throws io.codeact.bridge.transport.ros.MasterException if the master cannot be reached
         * @throws IllegalArgumentException if the world has more than one robot
         */
        public SimRosNode start() {
            return new SimRosNode(this);
        }
    }
}
