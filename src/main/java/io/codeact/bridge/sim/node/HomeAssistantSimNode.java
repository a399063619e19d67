package io.codeact.bridge.sim.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.sim.SimCommandException;
import io.codeact.bridge.sim.World;
import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.mqtt.MqttConfig;
import io.codeact.bridge.transport.mqtt.MqttEvent;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated smart home as Home Assistant sees a house of MQTT devices: it announces its devices by retained
 * Home Assistant discovery configs and speaks the plain payloads on their topics, so Home Assistant itself, or
 * the bridge's {@code --binding ha}, finds and drives it without any tool declaration.
 *
 * <p><b>Devices</b> (object ids; topics under {@code <base>/<object_id>/}, {@code <base>} = {@code codeact/home}):
 * a light {@code <room>_light} per room ({@code set} ON/OFF, {@code brightness/set} 0..100, states {@code state},
 * {@code brightness}); the {@code thermostat} (climate: {@code target/set} 10..30 °C, {@code mode/set}
 * heat|cool|auto|off, states {@code target}, {@code mode}, {@code current}, {@code action}); the
 * {@code front_door} lock ({@code set} LOCK/UNLOCK, {@code state} LOCKED/UNLOCKED); the {@code garage_door}
 * (cover, device class garage: {@code set} OPEN/CLOSE/STOP, {@code state} open|opening|closed|closing|stopped,
 * {@code position} 0..100); sensors {@code <room>_temperature}, {@code outdoor_temperature} (°C) and binary
 * sensors {@code <room>_motion}, {@code front_door_contact}, {@code garage_contact}. All share the availability
 * topic {@code <base>/availability} ({@code online}, {@code offline} on close and as the last will).
 *
 * <p><b>Time.</b> The world runs in real time at {@code rate} sim seconds per wall second. States are retained
 * and published when they change (checked every tick) and all again every {@code stateInterval}; the noisy
 * temperature sensors only then. Commands change the world as the {@code light.set}, {@code thermostat.set},
 * {@code lock.*} and {@code garage.*} APIs do; STOP halts the world ({@link World#halt}). A command the world
 * refuses (locking while the door is open, a setpoint out of range) leaves the state as it was, which is all
 * Home Assistant's protocol can say; a payload that is not one of the announced ones is logged and reported
 * ({@code MessageRejected}).
 *
 * <p><b>Threads.</b> MQTT handlers only queue; one node thread owns the world and makes every call on it under
 * its monitor, so the same JVM may read {@code synchronized (world) {world.state()}}.
 *
 * <pre>{@code
 * try (HomeAssistantSimNode home = HomeAssistantSimNode.connect(world, o -> o.brokerUrl("mqtt://localhost:1883"))) {
 *     home.awaitClose();
 * }
 * }</pre>
 */
public final class HomeAssistantSimNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantSimNode.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final World world;
    private final Options options;
    private final MqttTransport transport;
    private final String nodeId;
    private final List<String> rooms;
    private final Map<String, String> configs = new LinkedHashMap<>();
    private final Map<String, Consumer<String>> commands = new LinkedHashMap<>();
    private final Map<String, String> published = new LinkedHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    @SuppressWarnings("unchecked")
    private HomeAssistantSimNode(World world, Options options) {
        if (!world.name().equals("smart_home")) {
            throw new IllegalArgumentException("Home Assistant discovery is offered for the smart_home world only, got " + world.name());
        }
        this.world = world;
        this.options = options;
        this.nodeId = options.baseTopic.replaceAll("[^A-Za-z0-9_-]", "_");
        synchronized (world) {
            this.rooms = List.copyOf(((Map<String, Object>) world.state().get("rooms")).keySet());
        }
        declare();
        String availability = availabilityTopic();
        this.transport = options.transport != null ? options.transport : MqttTransport.connect(c -> {
            c.brokerUrl(options.brokerUrl).availabilityTopic(availability)
                    .clientId("codeact-ha-home-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
            options.mqtt.accept(c);
        });
        this.thread = new Thread(this::run, "ha-sim-node-" + nodeId);
        this.thread.setDaemon(true);
    }

    /**
     * Connects, announces every device (retained), subscribes to their command topics, publishes their states
     * and starts the world's clock.
     *
     * @throws IllegalArgumentException for a world other than {@code smart_home}
     * @throws TransportException if the broker cannot be reached
     */
    public static HomeAssistantSimNode connect(World world, Consumer<Options> configure) {
        Options options = new Options();
        configure.accept(options);
        HomeAssistantSimNode node = new HomeAssistantSimNode(Objects.requireNonNull(world, "world"), options);
        try {
            node.start();
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    private void start() {
        if (options.transport != null) {
            transport.publish(availabilityTopic(), "text", Map.of("text", "online"), Qos.AT_LEAST_ONCE, true);
        }
        for (Map.Entry<String, Consumer<String>> c : commands.entrySet()) {
            subscriptions.add(transport.subscribe(c.getKey(), "raw", Qos.AT_LEAST_ONCE, m -> {
                String text = new String((byte[]) m.fields().get("data"), StandardCharsets.UTF_8).strip();
                inbox.offer(() -> c.getValue().accept(text));
            }));
        }
        publishStates(true);
        for (Map.Entry<String, String> c : configs.entrySet()) {
            transport.publishBytes(c.getKey(), c.getValue().getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, true);
        }
        thread.start();
    }

    /** {@code <base>/availability}: {@code online} or {@code offline}, retained. */
    public String availabilityTopic() {
        return options.baseTopic + "/availability";
    }

    /** The topics of the device's state and command topics: {@code <base>} ({@code codeact/home}). */
    public String baseTopic() {
        return options.baseTopic;
    }

    /** The retained discovery configs it announced, by topic. */
    public Map<String, String> discoveryConfigs() {
        return Map.copyOf(configs);
    }

    /** The world; read it only under its monitor, the node thread steps it. */
    public World world() {
        return world;
    }

    public MqttTransport transport() {
        return transport;
    }

    /** Blocks until the node is closed. */
    public void awaitClose() throws InterruptedException {
        thread.join();
    }

    /** Stops the clock, unsubscribes and (for its own transport) disconnects, publishing {@code offline}. Idempotent. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            if (thread.isAlive()) {
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscriptions.forEach(s -> {
            try {
                s.close();
            } catch (RuntimeException e) {
                // the transport is going away anyway
            }
        });
        subscriptions.clear();
        if (options.transport == null) {
            transport.close();
        } else {
            try {
                transport.publish(availabilityTopic(), "text", Map.of("text", "offline"), Qos.AT_LEAST_ONCE, true);
            } catch (TransportException e) {
                // the shared transport is closing
            }
        }
    }

    // ---- the devices ----

    private String base(String objectId) {
        return options.baseTopic + "/" + objectId;
    }

    private void announce(String component, String objectId, String name, Map<String, Object> fields) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("~", base(objectId));
        config.put("name", name);
        config.put("uniq_id", nodeId + "_" + objectId);
        config.put("avty_t", availabilityTopic());
        config.putAll(fields);
        config.put("dev", Map.of("ids", List.of(nodeId), "name", "CodeAct simulated home", "mf", "codeact", "mdl", "smart_home simulator"));
        try {
            configs.put(options.discoveryPrefix + "/" + component + "/" + nodeId + "/" + objectId + "/config", JSON.writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void declare() {
        for (String room : rooms) {
            String id = room + "_light";
            announce("light", id, title(room) + " light", Map.of("cmd_t", "~/set", "stat_t", "~/state", "bri_cmd_t", "~/brightness/set",
                    "bri_stat_t", "~/brightness", "bri_scl", 100));
            commands.put(base(id) + "/set", text -> onOff(base(id) + "/set", text, on -> command("light.set", "room", room, "on", on)));
            commands.put(base(id) + "/brightness/set", text -> number(base(id) + "/brightness/set", text, b -> {
                if (b <= 0) {
                    command("light.set", "room", room, "on", false);
                } else {
                    command("light.set", "room", room, "on", true, "brightness", Math.min(100.0, b));
                }
            }));
        }
        Map<String, Object> climate = new LinkedHashMap<>();
        climate.put("temp_cmd_t", "~/target/set");
        climate.put("temp_stat_t", "~/target");
        climate.put("curr_temp_t", "~/current");
        climate.put("mode_cmd_t", "~/mode/set");
        climate.put("mode_stat_t", "~/mode");
        climate.put("action_topic", "~/action");
        climate.put("modes", List.of("heat", "cool", "auto", "off"));
        climate.put("min_temp", 10);
        climate.put("max_temp", 30);
        climate.put("temp_step", 0.5);
        climate.put("temperature_unit", "C");
        announce("climate", "thermostat", "Thermostat", climate);
        commands.put(base("thermostat") + "/target/set", text -> number(base("thermostat") + "/target/set", text,
                t -> command("thermostat.set", "setpoint", t)));
        commands.put(base("thermostat") + "/mode/set", text -> command("thermostat.set", "mode", text.toLowerCase(Locale.ROOT)));

        announce("lock", "front_door", "Front door", Map.of("cmd_t", "~/set", "stat_t", "~/state"));
        commands.put(base("front_door") + "/set", text -> {
            switch (text) {
                case "LOCK" -> command("lock.lock");
                case "UNLOCK" -> command("lock.unlock");
                default -> rejected(base("front_door") + "/set", text, "LOCK or UNLOCK");
            }
        });

        announce("cover", "garage_door", "Garage door", Map.of("dev_cla", "garage", "cmd_t", "~/set", "stat_t", "~/state", "pos_t", "~/position"));
        commands.put(base("garage_door") + "/set", text -> {
            switch (text) {
                case "OPEN" -> command("garage.open");
                case "CLOSE" -> command("garage.close");
                case "STOP" -> {
                    synchronized (world) {
                        world.halt("Home Assistant STOP on " + base("garage_door") + "/set");
                    }
                }
                default -> rejected(base("garage_door") + "/set", text, "OPEN, CLOSE or STOP");
            }
        });

        for (String room : rooms) {
            announce("sensor", room + "_temperature", title(room) + " temperature", Map.of("stat_t", "~/state", "dev_cla", "temperature",
                    "unit_of_meas", "°C", "stat_cla", "measurement"));
            announce("binary_sensor", room + "_motion", title(room) + " motion", Map.of("stat_t", "~/state", "dev_cla", "motion"));
        }
        announce("sensor", "outdoor_temperature", "Outdoor temperature", Map.of("stat_t", "~/state", "dev_cla", "temperature",
                "unit_of_meas", "°C", "stat_cla", "measurement"));
        announce("binary_sensor", "front_door_contact", "Front door contact", Map.of("stat_t", "~/state", "dev_cla", "door"));
        announce("binary_sensor", "garage_contact", "Garage contact", Map.of("stat_t", "~/state", "dev_cla", "garage_door"));
    }

    /** Every state topic and its payload now; the noisy temperature sensors only when {@code sensors}. Under the world's monitor. */
    @SuppressWarnings("unchecked")
    private Map<String, String> states(boolean sensors) {
        Map<String, Object> s = world.state();
        Map<String, Object> roomStates = (Map<String, Object>) s.get("rooms");
        Map<String, String> out = new LinkedHashMap<>();
        for (String room : rooms) {
            Map<String, Object> r = (Map<String, Object>) roomStates.get(room);
            out.put(base(room + "_light") + "/state", Boolean.TRUE.equals(r.get("light_on")) ? "ON" : "OFF");
            out.put(base(room + "_light") + "/brightness", plain(((Number) r.get("brightness")).doubleValue()));
            out.put(base(room + "_motion") + "/state", ((List<?>) r.get("occupants")).isEmpty() ? "OFF" : "ON");
        }
        Map<String, Object> thermostat = (Map<String, Object>) s.get("thermostat");
        out.put(base("thermostat") + "/target", plain(((Number) thermostat.get("setpoint")).doubleValue()));
        out.put(base("thermostat") + "/mode", String.valueOf(thermostat.get("mode")));
        out.put(base("thermostat") + "/action", "off".equals(thermostat.get("mode")) ? "off" : String.valueOf(thermostat.get("action")));
        out.put(base("thermostat") + "/current", plain(Math.round(((Number) s.get("temperature")).doubleValue() * 10) / 10.0));
        out.put(base("front_door") + "/state", Boolean.TRUE.equals(((Map<String, Object>) s.get("lock")).get("locked")) ? "LOCKED" : "UNLOCKED");
        Map<String, Object> garage = (Map<String, Object>) s.get("garage");
        double position = ((Number) garage.get("position")).doubleValue();
        out.put(base("garage_door") + "/position", String.valueOf(Math.round(position * 100)));  // before the state: "open" means at 100
        out.put(base("garage_door") + "/state", String.valueOf(garage.get("state")));
        out.put(base("front_door_contact") + "/state", Boolean.TRUE.equals(((Map<String, Object>) s.get("front_door")).get("open")) ? "ON" : "OFF");
        out.put(base("garage_contact") + "/state", position > 0 ? "ON" : "OFF");
        if (sensors) {
            Map<String, Object> telemetry = world.telemetry();
            for (String where : concat(rooms, "outdoor")) {
                Object reading = telemetry.get(where + "/temperature");
                if (reading instanceof Map<?, ?> m && m.get("value") instanceof Number v) {
                    out.put(base(where + "_temperature") + "/state", plain(v.doubleValue()));
                }
            }
        }
        return out;
    }

    // ---- node thread ----

    private void run() {
        double step = world.tickSeconds();
        long wallStart = System.nanoTime();
        long simStart;
        synchronized (world) {
            simStart = world.clock().nanos();
        }
        long nextFull = System.nanoTime() + options.stateInterval.toNanos();
        try {
            while (!closed) {
                for (Runnable r = inbox.poll(); r != null; r = inbox.poll()) {
                    handle(r);
                }
                long simNow;
                synchronized (world) {
                    world.step(step);
                    simNow = world.clock().nanos();
                }
                boolean full = System.nanoTime() >= nextFull;
                if (full) {
                    nextFull = System.nanoTime() + options.stateInterval.toNanos();
                }
                publishStates(full);
                long due = wallStart + (long) ((simNow - simStart) / options.rate);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    Runnable r = inbox.poll(wait, TimeUnit.NANOSECONDS);
                    if (r == null) {
                        break;
                    }
                    handle(r);
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (RuntimeException | Error e) {
            if (!closed) {
                LOG.error("Home Assistant sim node {}: the node thread failed; the devices stop answering", nodeId, e);
            }
        }
    }

    private void handle(Runnable command) {
        try {
            command.run();
        } catch (RuntimeException e) {
            LOG.warn("Home Assistant sim node {}: a command failed", nodeId, e);
        }
        publishStates(false);  // answer at once, not a tick later
    }

    /** Publishes what changed since the last time, or everything (including the temperature sensors) when {@code full}. */
    private void publishStates(boolean full) {
        Map<String, String> now;
        synchronized (world) {
            now = states(full || published.isEmpty());
        }
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (full || !e.getValue().equals(published.get(e.getKey()))) {
                try {
                    transport.publishBytes(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, true);
                    published.put(e.getKey(), e.getValue());
                } catch (TransportException x) {
                    return;  // offline with a full buffer: the next round publishes again
                }
            }
        }
    }

    private void command(String api, Object... kv) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            args.put((String) kv[i], kv[i + 1]);
        }
        synchronized (world) {
            try {
                world.start(api, args);
            } catch (SimCommandException e) {
                // Home Assistant's MQTT devices have no way to say no: the state stays as it was.
                LOG.info("Home Assistant sim node {}: {} {} refused: {}", nodeId, api, args, e.getMessage());
            }
        }
    }

    private void onOff(String topic, String text, Consumer<Boolean> apply) {
        switch (text) {
            case "ON" -> apply.accept(true);
            case "OFF" -> apply.accept(false);
            default -> rejected(topic, text, "ON or OFF");
        }
    }

    private void number(String topic, String text, Consumer<Double> apply) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            rejected(topic, text, "a number");
            return;
        }
        if (!Double.isFinite(v)) {
            rejected(topic, text, "a finite number");
            return;
        }
        apply.accept(v);
    }

    private void rejected(String topic, String text, String expected) {
        transport.reportRejected(topic, MqttEvent.Problem.MALFORMED_PAYLOAD, "got '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                + "', expected " + expected + "; ignored");
    }

    private static String title(String room) {
        String words = room.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> out = new ArrayList<>(list);
        out.add(more);
        return out;
    }

    /** Options of a {@link HomeAssistantSimNode}. */
    public static final class Options {
        String brokerUrl;
        MqttTransport transport;
        Consumer<MqttConfig.Builder> mqtt = c -> {};
        String discoveryPrefix = "homeassistant";
        String baseTopic = "codeact/home";
        double rate = 1.0;
        Duration stateInterval = Duration.ofSeconds(5);

        Options() {}

        /** The broker; null starts an embedded one owned by the node's transport. */
        public Options brokerUrl(String url) {
            this.brokerUrl = url;
            return this;
        }

        /** Talks through this transport (not closed by the node) instead of its own. */
        public Options transport(MqttTransport value) {
            this.transport = value;
            return this;
        }

        /** Further settings of the node's MQTT connection. */
        public Options mqtt(Consumer<MqttConfig.Builder> value) {
            this.mqtt = Objects.requireNonNull(value, "mqtt");
            return this;
        }

        /** Home Assistant's discovery prefix (default {@code homeassistant}). */
        public Options discoveryPrefix(String value) {
            this.discoveryPrefix = topicLevels(value, "discoveryPrefix");
            return this;
        }

        /** Where the devices' topics live (default {@code codeact/home}); its levels, joined by {@code _}, are the node id. */
        public Options baseTopic(String value) {
            this.baseTopic = topicLevels(value, "baseTopic");
            return this;
        }

        /** Sim seconds per wall second (default 1: real time). */
        public Options rate(double value) {
            if (!(value > 0) || value > 1000) {
                throw new IllegalArgumentException("rate must be in (0, 1000] sim seconds per wall second, got " + value);
            }
            this.rate = value;
            return this;
        }

        /** How often every state is published again, temperatures included (default 5 s wall). */
        public Options stateInterval(Duration value) {
            if (value == null || value.toMillis() < 10) {
                throw new IllegalArgumentException("stateInterval must be at least 10 ms, got " + value);
            }
            this.stateInterval = value;
            return this;
        }

        private static String topicLevels(String value, String what) {
            if (value == null || value.isEmpty() || value.startsWith("/") || value.endsWith("/") || value.contains("+") || value.contains("#")) {
                throw new IllegalArgumentException(what + " must be topic levels without wildcards or leading/trailing '/', got '" + value + "'");
            }
            return value;
        }
    }
}
