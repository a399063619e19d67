package io.codeact.bridge.node;

import io.codeact.bridge.eval.OracleChatModel;
import io.codeact.bridge.eval.TaskSuite;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.llm.ChatModels;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.transport.mqtt.EmbeddedBroker;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.ros.RosMaster;
import io.codeact.bridge.transport.ros.RosNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller node: one robot's {@link RobotController} with its MQTT and/or ROS front, its world, its
 * sandbox engine, and the embedded broker or master when none is given. Embeddable: {@link #start} and
 * {@link #close} (idempotent, also from another thread or a shutdown hook), {@link #health()} for a
 * supervisor. {@code codeact node} and the launch files' {@code controller} node run it.
 *
 * <pre>{@code
 * try (ControllerNode node = ControllerNode.start(NodeOptions.builder().world("warehouse").model("scripted:r.yaml")
 *         .mqtt(true).brokerPort(0).build())) {
 *     System.out.println("goals to " + node.mqttEndpoint() + " " + node.options().mqttBase() + "/goal");
 *     node.awaitClosed();
 * }
 * }</pre>
 */
public final class ControllerNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerNode.class);

    /**
     * How the node is doing, for a supervisor.
     *
     * @param running the controller's worker is alive and the node is not closed
     * @param busy a goal is running
     * @param queued goals waiting
     * @param goalsEnded goals that have ended since start, refused ones included
     * @param mqttConnected the MQTT link is up; null without the MQTT front
     * @param rosUp the ROS node is registered and open; null without the ROS front
     */
    public record Health(boolean running, boolean busy, int queued, long goalsEnded, Boolean mqttConnected, Boolean rosUp) {
        /** Running, and every front that was asked for is up. */
        public boolean healthy() {
            return running && !Boolean.FALSE.equals(mqttConnected) && !Boolean.FALSE.equals(rosUp);
        }
    }

    private final NodeOptions options;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private RobotBinding robot;
    private RobotController controller;
    private MqttTransport mqtt;
    private RosNode ros;
    private String rosMasterUri;
    private volatile boolean closed;

    private ControllerNode(NodeOptions options) {
        this.options = options;
    }

    /**
     * Builds the world, checks the model spec, opens the fronts and starts taking goals.
     *
     * @throws IllegalArgumentException for a bad option (unknown world, bad model spec), naming it
     * @throws RuntimeException from the transports when a broker or master cannot be reached or a port bound
     */
    public static ControllerNode start(NodeOptions options) {
        ControllerNode node = new ControllerNode(options);
        try {
            node.open();
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
        return node;
    }

    private void open() {
        Path tasksDir = options.home().resolve("simulations/tasks");
        TaskSuite tasks = Files.isDirectory(tasksDir) ? TaskSuite.load(tasksDir) : null;
        robot = options.binding().equals("sim")
                ? SimulatedRobot.create(options.world(), options.seed(), options.home().resolve("robot-tools"),
                        options.realtimeFactor(), options::safetySettings)
                : RemoteRobot.connect(options);
        if (robot instanceof AutoCloseable c) {
            opened.push(c);
        }
        RobotController.ModelFactory models = modelFactory();
        if (!options.model().equals("oracle")) {
            models.create(null); // fail fast on a bad spec, a missing scripted file or a missing key
        }
        Path helpers = options.home().resolve("robot-tools/python");
        SandboxEngine engine = SandboxEngine.create(c -> {
            c.actionTimeout = options.episode().actionTimeout();
            c.warmSessions = 1;
            if (Files.isDirectory(helpers)) {
                c.helperPaths.add(helpers);
            }
        });
        opened.push(engine);
        controller = RobotController.start(c -> {
            c.robot = options.robot();
            c.binding = robot;
            c.engine = engine;
            c.models = models;
            c.modelSpec = options.model();
            c.settings = options.episode();
            c.queueCapacity = options.queueSize();
            c.logDir = options.logDir();
            c.tasks = tasks;
        });
        opened.push(controller);
        if (options.mqtt()) {
            String url = options.broker();
            if (url == null) {
                EmbeddedBroker broker = EmbeddedBroker.start(options.brokerPort());
                opened.push(broker);
                url = broker.url();
            }
            String brokerUrl = url;
            mqtt = MqttTransport.connect(c -> c.brokerUrl(brokerUrl).prefix(options.prefix())
                    .clientId("codeact-node-" + options.robot() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()))
                    .availabilityTopic(options.mqttBase() + "/availability"));
            opened.push(mqtt);
            opened.push(MqttGoalFront.open(controller, mqtt, options.mqttBase()));
        }
        if (options.ros()) {
            rosMasterUri = options.master();
            if (rosMasterUri == null) {
                RosMaster master = RosMaster.start("localhost", options.masterPort());
                opened.push(master);
                rosMasterUri = master.uri();
            }
            ros = RosNode.builder("/" + options.robot() + "/codeact_controller").masterUri(rosMasterUri).start();
            opened.push(ros);
            opened.push(RosGoalFront.open(controller, ros, options.rosBase()));
        }
        LOG.info("controller node for {} up: {}", options.robot(), options.describe());
    }

    private RobotController.ModelFactory modelFactory() {
        if (options.model().equals("oracle")) {
            return task -> {
                if (task == null) {
                    throw new IllegalArgumentException("the oracle model needs a task goal");
                }
                return new OracleChatModel(task);
            };
        }
        return task -> ChatModels.fromSpec(options.model(), c -> {
            if (options.baseUrl() != null) {
                c.baseUrl(options.baseUrl());
            }
        });
    }

    public NodeOptions options() {
        return options;
    }

    /** The core: submit and cancel goals in-process, listen to results. */
    public RobotController controller() {
        return controller;
    }

    /** The robot this node drives. */
    public RobotBinding binding() {
        return robot;
    }

    /**
     * The simulated robot this node drives (its world changes on task goals).
     *
     * @throws IllegalStateException when the node drives a robot over MQTT or ROS
     */
    public SimulatedRobot robot() {
        if (robot instanceof SimulatedRobot sim) {
            return sim;
        }
        throw new IllegalStateException("this node drives " + robot.describe() + ", not an in-process simulator");
    }

    /** {@code mqtt://host:port} of the broker, or null without the MQTT front. */
    public String mqttEndpoint() {
        return mqtt == null ? null : mqtt.endpoint();
    }

    /** The ROS master's URI, or null without the ROS front. */
    public String rosMasterUri() {
        return rosMasterUri;
    }

    /** Where the episode logs of this node's goals go. */
    public Path logDir() {
        return options.logDir().toAbsolutePath();
    }

    public Health health() {
        RobotController c = controller;
        NodeStatus s = c == null ? null : c.status();
        return new Health(!closed && c != null && c.isRunning(), s != null && s.busy(), s == null ? 0 : s.queue().size(),
                c == null ? 0 : c.completedGoals(), mqtt == null ? null : mqtt.isConnected(),
                ros == null ? null : !ros.isClosed());
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitClosed() throws InterruptedException {
        closedLatch.await();
    }

    /**
     * Cancels the queued and running goals (halting the robot), closes the fronts (MQTT availability goes
     * {@code offline}), the node's broker or master, and the sandbox engine. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (controller != null) {
            controller.close(); // first, so that the results of goals cancelled by the shutdown still go out
        }
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            try {
                c.close();
            } catch (Exception | Error e) {
                LOG.warn("controller node {}: closing {} failed: {}", options.robot(), c, e.toString());
            }
        }
        closedLatch.countDown();
        LOG.info("controller node for {} stopped", options.robot());
    }
}
