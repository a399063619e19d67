package io.codeact.bridge.node;

import io.codeact.bridge.safety.Confirmer;
import io.codeact.bridge.safety.SafetyPolicy;
import io.codeact.bridge.safety.SafetySettings;
import io.codeact.bridge.safety.StopLatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a {@link ControllerNode} is started with: the robot, the world, the model, the episode limits,
 * the queue, and which fronts (MQTT, ROS) to open. Filled by {@code codeact node}'s flags, by
 * {@link #builder()}, or from a launch file's parameters with {@link #fromParams}.
 *
 * @param robot the robot's name, a single topic level ({@code robot}); topics are {@code <prefix>/agent/<robot>/…}
 *     and {@code /<robot>/codeact/…}
 * @param world the simulated world: {@code warehouse}, {@code tabletop}, {@code smart_home}
 * @param seed the world's seed
 * @param realtimeFactor sim seconds per wall second while actions run (1 = real time; 0 = as fast as possible)
 * @param model the model spec ({@code openai:gpt-4o}, {@code scripted:FILE}, {@code oracle}, …; see docs/MODELS.md)
 * @param baseUrl the model endpoint, or null for the spec's default
 * @param episode mode, turn limit, budgets and action timeout of each goal's episode (a goal may lower or raise the budgets)
 * @param queueSize goals that may wait while one runs; one more is refused
 * @param mqtt whether to open the MQTT front
 * @param broker the MQTT broker URL, or null for an embedded broker on {@code brokerPort}
 * @param brokerPort the embedded broker's port (0 = a free one)
 * @param prefix the first topic level of the MQTT topics
 * @param ros whether to open the ROS front
 * @param master the ROS master URL, or null for an embedded master on {@code masterPort}
 * @param masterPort the embedded master's port (0 = a free one)
 * @param logDir where episode logs go
 * @param home the checkout: {@code robot-tools/} and {@code simulations/tasks} are read from it
 * @param safety the safety file of the robot's world: null for {@code <home>/safety/<world>.yaml} when it exists,
 *     {@code none} for the declarations' ranges only, else a file path
 * @param confirm who answers irreversible calls at the node, which has no terminal: {@code deny} (the default,
 *     also for null) or {@code approve}
 */
public record NodeOptions(String robot, String world, long seed, double realtimeFactor, String model, String baseUrl,
        EpisodeSettings episode, int queueSize, boolean mqtt, String broker, int brokerPort, String prefix, boolean ros,
        String master, int masterPort, Path logDir, Path home, String safety, String confirm, String binding, String device) {

    /** The parameter names {@link #fromParams} accepts. */
    public static final List<String> PARAMS = List.of("robot", "world", "seed", "realtime", "model", "base_url", "mode",
            "max_turns", "token_budget", "time_budget_s", "action_timeout_s", "queue", "mqtt", "broker", "broker_port",
            "prefix", "ros", "master", "master_port", "log_dir", "safety", "confirm", "binding", "device");

    public NodeOptions {
        binding = binding == null ? "sim" : binding;
        if (!binding.equals("sim") && !binding.equals("mqtt") && !binding.equals("ros")) {
            throw new IllegalArgumentException("binding must be sim (the in-process simulator), mqtt (a device on the broker) "
                    + "or ros (a robot on the master), got '" + binding + "'");
        }
        if (binding.equals("mqtt") && (device == null || broker == null)) {
            throw new IllegalArgumentException("binding mqtt drives a device on a broker: give device (its name in topics) and "
                    + "broker (the URL it talks to)");
        }
        if (binding.equals("ros") && master == null) {
            throw new IllegalArgumentException("binding ros drives a robot on a ROS master: give master (its URI)");
        }
        if (device != null && !binding.equals("mqtt")) {
            throw new IllegalArgumentException("device applies to binding mqtt; set binding mqtt or leave device out");
        }
        Objects.requireNonNull(world, "world (give --world warehouse, tabletop or smart_home)");
        Objects.requireNonNull(model, "model (give --model SPEC, see docs/MODELS.md)");
        Objects.requireNonNull(episode, "episode");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(prefix, "prefix");
        if (robot == null || !robot.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("robot must be a name of letters, digits and '_' starting with a letter (one"
                    + " MQTT topic level and a ROS name), got '" + robot + "'");
        }
        if (!(realtimeFactor >= 0) || Double.isInfinite(realtimeFactor)) {
            throw new IllegalArgumentException("realtime must be >= 0 (1 = real time, 0 = as fast as possible), got " + realtimeFactor);
        }
        if (queueSize < 0 || queueSize > 1000) {
            throw new IllegalArgumentException("queue must be 0..1000 goals, got " + queueSize);
        }
        if (brokerPort < 0 || brokerPort > 65535 || masterPort < 0 || masterPort > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535 (0 = a free one), got broker_port " + brokerPort
                    + ", master_port " + masterPort);
        }
        if (!mqtt && !ros) {
            throw new IllegalArgumentException("the node needs a front to take goals from: give --mqtt, --ros or both");
        }
        if (confirm != null && !confirm.equals("approve") && !confirm.equals("deny")) {
            throw new IllegalArgumentException("confirm must be approve or deny (the node has no terminal to ask), got '" + confirm + "'");
        }
        if (safety != null && !safety.equals("none") && !Files.isRegularFile(Path.of(safety))) {
            throw new IllegalArgumentException("no such safety file: " + safety
                    + " (relative paths are from the working directory; 'none' uses the declarations' ranges only)");
        }
    }

    /**
     * The safety layer of the node's robot in {@code world} (a task goal may load another world): the policy
     * from {@link #safety}, a fixed answer from {@link #confirm}, and this process's stop latch.
     *
     * @throws io.codeact.bridge.safety.SafetyFileException when the safety file is invalid
     */
    public SafetySettings safetySettings(String world) {
        return safetySettings(home, world, safety, confirm, "the controller node " + robot);
    }

    /**
     * Safety settings for an unattended robot (a node, a launch's agent): {@code file} null → {@code
     * <home>/safety/<world>.yaml} when it exists, {@code none} → the declarations only, else that file;
     * {@code confirm} {@code approve} or {@code deny} (also for null); this process's stop latch.
     *
     * @param who names the place the answer was configured, for the audit record
     * @throws io.codeact.bridge.safety.SafetyFileException when the safety file is invalid
     */
    public static SafetySettings safetySettings(Path home, String world, String file, String confirm, String who) {
        boolean approve = "approve".equals(confirm);
        Confirmer confirmer = approve ? Confirmer.fixed(true, "confirm: approve, set for " + who)
                : Confirmer.fixed(false, "nobody at " + who + " (irreversible calls need a person; confirm: approve allows them)");
        if (file == null) {
            return SafetySettings.forWorld(home, world, confirmer, StopLatch.process());
        }
        SafetyPolicy policy = file.equals("none") ? SafetyPolicy.defaults() : SafetyPolicy.load(Path.of(file));
        return new SafetySettings(policy, confirmer, StopLatch.process(), false);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** These options changed by {@code edit}. */
    public NodeOptions with(Consumer<Builder> edit) {
        Builder b = new Builder(this);
        edit.accept(b);
        return b.build();
    }

    /** The MQTT topic goals go to: {@code <prefix>/agent/<robot>}. */
    public String mqttBase() {
        return prefix + "/agent/" + robot;
    }

    /** The ROS namespace of the node's topics: {@code /<robot>/codeact}. */
    public String rosBase() {
        return "/" + robot + "/codeact";
    }

    /**
     * Options from a launch file's parameters (YAML values), over the defaults. Keys are {@link #PARAMS}.
     *
     * @param where names the source in errors, e.g. {@code launch/demo.yaml:12 (node controller)}
     * @throws IllegalArgumentException naming the parameter, its value, {@code where}, and what is expected
     */
    public static NodeOptions fromParams(Map<String, ?> params, Path home, String where) {
        Builder b = new Builder().home(home);
        Params p = new Params(params, where);
        for (String key : params.keySet()) {
            if (!PARAMS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown parameter '" + key + "'; the controller node takes "
                        + String.join(", ", PARAMS));
            }
        }
        EpisodeSettings e = EpisodeSettings.DEFAULTS;
        b.robot(p.string("robot", b.robot)).world(p.string("world", null)).seed(p.integer("seed", b.seed))
                .realtimeFactor(p.number("realtime", b.realtimeFactor)).model(p.string("model", null))
                .baseUrl(p.string("base_url", null)).queueSize((int) p.integer("queue", b.queueSize))
                .mqtt(p.bool("mqtt", b.mqtt)).broker(p.string("broker", null)).brokerPort((int) p.integer("broker_port", b.brokerPort))
                .prefix(p.string("prefix", b.prefix)).ros(p.bool("ros", b.ros)).master(p.string("master", null))
                .masterPort((int) p.integer("master_port", b.masterPort))
                .safety(p.string("safety", null)).confirm(p.string("confirm", null))
                .binding(p.string("binding", null)).device(p.string("device", null));
        String logDir = p.string("log_dir", null);
        if (logDir != null) {
            b.logDir(Path.of(logDir));
        }
        Double time = params.containsKey("time_budget_s") ? p.number("time_budget_s", 0) : null;
        b.episode(new EpisodeSettings(p.string("mode", e.mode()), (int) p.integer("max_turns", e.maxTurns()),
                p.integer("token_budget", e.tokenBudget()), time == null ? null : Duration.ofMillis((long) (time * 1000)),
                Duration.ofMillis((long) (p.number("action_timeout_s", e.actionTimeout().toMillis() / 1000.0) * 1000))));
        try {
            return b.build();
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
        }
    }

    /** Reads typed launch parameters with errors that name them. */
    private record Params(Map<String, ?> values, String where) {
        String string(String key, String fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof String s)) {
                throw bad(key, v, "a string");
            }
            return s;
        }

        long integer(String key, long fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof Integer || v instanceof Long)) {
                throw bad(key, v, "a whole number");
            }
            return ((Number) v).longValue();
        }

        double number(String key, double fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof Number n)) {
                throw bad(key, v, "a number");
            }
            return n.doubleValue();
        }

        boolean bool(String key, boolean fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof Boolean b)) {
                throw bad(key, v, "true or false");
            }
            return b;
        }

        private IllegalArgumentException bad(String key, Object v, String expected) {
            return new IllegalArgumentException(where + ": parameter '" + key + "' must be " + expected + ", got "
                    + (v instanceof String ? "'" + v + "'" : v));
        }
    }

    /** Mutable builder; see the record's components for meanings. Defaults suit {@code codeact node}. */
    public static final class Builder {
        private String robot = "robot";
        private String world;
        private long seed = 7;
        private double realtimeFactor = 1.0;
        private String model;
        private String baseUrl;
        private EpisodeSettings episode = EpisodeSettings.DEFAULTS;
        private int queueSize = 4;
        private boolean mqtt;
        private String broker;
        private int brokerPort = 1883;
        private String prefix = "codeact";
        private boolean ros;
        private String master;
        private int masterPort = 11311;
        private Path logDir = Path.of("episodes");
        private Path home = Path.of(".");
        private String safety;
        private String confirm;
        private String binding;
        private String device;

        Builder() {}

        Builder(NodeOptions o) {
            robot = o.robot;
            world = o.world;
            seed = o.seed;
            realtimeFactor = o.realtimeFactor;
            model = o.model;
            baseUrl = o.baseUrl;
            episode = o.episode;
            queueSize = o.queueSize;
            mqtt = o.mqtt;
            broker = o.broker;
            brokerPort = o.brokerPort;
            prefix = o.prefix;
            ros = o.ros;
            master = o.master;
            masterPort = o.masterPort;
            logDir = o.logDir;
            home = o.home;
            safety = o.safety;
            confirm = o.confirm;
            binding = o.binding;
            device = o.device;
        }

        public Builder robot(String v) { robot = v; return this; }
        public Builder world(String v) { world = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder realtimeFactor(double v) { realtimeFactor = v; return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder baseUrl(String v) { baseUrl = v; return this; }
        public Builder episode(EpisodeSettings v) { episode = v; return this; }
        public Builder queueSize(int v) { queueSize = v; return this; }
        public Builder mqtt(boolean v) { mqtt = v; return this; }
        public Builder broker(String v) { broker = v; return this; }
        public Builder brokerPort(int v) { brokerPort = v; return this; }
        public Builder prefix(String v) { prefix = v; return this; }
        public Builder ros(boolean v) { ros = v; return this; }
        public Builder master(String v) { master = v; return this; }
        public Builder masterPort(int v) { masterPort = v; return this; }
        public Builder logDir(Path v) { logDir = v; return this; }
        public Builder home(Path v) { home = v; return this; }
        public Builder safety(String v) { safety = v; return this; }
        public Builder confirm(String v) { confirm = v; return this; }
        /** sim (default), mqtt (a device on {@link #broker}) or ros (a robot on {@link #master}). */
        public Builder binding(String v) { binding = v; return this; }
        public Builder device(String v) { device = v; return this; }

        /** @throws IllegalArgumentException or NullPointerException naming the missing or bad option */
        public NodeOptions build() {
            return new NodeOptions(robot, world, seed, realtimeFactor, model, baseUrl, episode, queueSize, mqtt, broker,
                    brokerPort, prefix, ros, master, masterPort, logDir, home, safety, confirm, binding, device);
        }
    }

    /** For logs: the options without anything secret (none are). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("robot", robot);
        m.put("world", world);
        m.put("seed", seed);
        m.put("model", model);
        m.put("queue", queueSize);
        m.put("mqtt", mqtt ? (broker == null ? "embedded broker" : broker) : "off");
        m.put("ros", ros ? (master == null ? "embedded master" : master) : "off");
        m.put("safety", safety == null ? "safety/" + world + ".yaml if present" : safety);
        m.put("confirm", confirm == null ? "deny" : confirm);
        m.put("binding", binding.equals("sim") ? "in-process simulator" : binding.equals("mqtt") ? "mqtt device " + device + " on " + broker
                : "ros robot on " + (master == null ? "the embedded master" : master));
        return m;
    }
}
