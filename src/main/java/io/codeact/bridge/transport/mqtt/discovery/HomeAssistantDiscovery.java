package io.codeact.bridge.transport.mqtt.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Home Assistant MQTT discovery messages: topic {@code <prefix>/<component>/[<node_id>/]<object_id>/config},
 * payload a JSON object with full or abbreviated keys ({@code cmd_t} for {@code command_topic}) and
 * {@code ~} standing for the base topic at the start or end of a topic value. An empty payload removes
 * the device. Stateless and thread-safe.
 */
public final class HomeAssistantDiscovery {
    /** Components this bridge turns into devices. */
    public static final Set<String> COMPONENTS = Set.of("light", "switch", "climate", "lock", "cover", "sensor", "binary_sensor", "fan",
            "alarm_control_panel");

    /** Settings kept with the payloads because a binding needs them to speak to the device. */
    static final Set<String> TEXT_SETTINGS = Set.of("unit_of_measurement", "schema", "on_command_type", "temp_step", "temperature_unit");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> REQUIRED = Map.of(
            "light", "command_topic", "switch", "command_topic", "lock", "command_topic", "fan", "command_topic",
            "sensor", "state_topic", "binary_sensor", "state_topic", "alarm_control_panel", "command_topic");

    private HomeAssistantDiscovery() {}

    /**
     * Parses one discovery message.
     *
     * @return the device, or empty when the payload is empty (the device is removed)
     * @throws DiscoveryException naming the topic and the field when the message is not a usable announcement
     */
    public static Optional<DiscoveredDevice> parse(String prefix, String topic, byte[] payload) {
        String[] levels = topic.split("/", -1);
        int p = prefix.split("/", -1).length;
        int n = levels.length - p;
        if (!topic.startsWith(prefix + "/") || n < 3 || n > 4 || !levels[levels.length - 1].equals("config")) {
            throw problem(topic, "", "is not a discovery topic: expected " + prefix + "/<component>/[<node_id>/]<object_id>/config");
        }
        String component = levels[p];
        String nodeId = n == 4 ? levels[p + 1] : null;
        String objectId = levels[levels.length - 2];
        if (payload.length == 0) {
            return Optional.empty();
        }
        if (!COMPONENTS.contains(component)) {
            throw problem(topic, "", "announces the component '" + component + "', which the bridge does not support (supported: "
                    + COMPONENTS.stream().sorted().toList() + "); it is ignored");
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw problem(topic, "", "has a payload that is not JSON (" + new String(payload, 0, Math.min(60, payload.length), StandardCharsets.UTF_8)
                    + "…); a discovery payload is a JSON object, or empty to remove the device");
        }
        if (root == null || !root.isObject()) {
            throw problem(topic, "", "has a payload that is a JSON " + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT))
                    + ", not an object; a discovery payload is a JSON object, or empty to remove the device");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> fields.put(HomeAssistantAbbreviations.expand(e.getKey()), e.getValue()));
        Fields f = new Fields(topic, fields);
        String base = f.text("~");

        Map<String, String> topics = new LinkedHashMap<>();
        Map<String, String> payloads = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("_topic")) {
                topics.put(key, f.topic(key, base));
            } else if (key.startsWith("payload_") || key.startsWith("state_") || key.endsWith("_template") || TEXT_SETTINGS.contains(key)) {
                if (!e.getValue().isValueNode()) {
                    throw problem(topic, key, "should be a text value, got " + describe(e.getValue()));
                }
                payloads.put(key, e.getValue().asText());
            }
        }
        String required = REQUIRED.get(component);
        if (required != null && !topics.containsKey(required)) {
            throw problem(topic, required, "is missing; a " + component + " needs it" + (required.equals("command_topic")
                    ? " to be commanded" : " to be read") + " (abbreviated " + abbreviation(required) + ")");
        }
        defaults(component, payloads);

        Map<String, Range> ranges = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        String unit = f.text("unit_of_measurement");
        switch (component) {
            case "light" -> {
                if (topics.containsKey("brightness_command_topic") || fields.containsKey("brightness_scale") || "json".equals(f.text("schema"))) {
                    ranges.put("brightness", new Range(0, f.number("brightness_scale", 255), ""));
                }
                if (topics.containsKey("color_temp_command_topic")) {
                    ranges.put("color_temp", f.range("min_mireds", 153, "max_mireds", 500, "mired"));
                }
                f.list("effect_list").ifPresent(l -> options.put("effect_list", l));
            }
            case "climate" -> {
                ranges.put("temperature", f.range("min_temp", 7, "max_temp", 35, unit == null ? "°C" : unit));
                options.put("modes", f.list("modes").orElse(List.of("auto", "off", "cool", "heat", "dry", "fan_only")));
                f.list("preset_modes").ifPresent(l -> options.put("preset_modes", l));
            }
            case "cover" -> {
                if (topics.containsKey("set_position_topic") || topics.containsKey("position_topic")) {
                    double closed = f.number("position_closed", 0);
                    double open = f.number("position_open", 100);
                    ranges.put("position", new Range(Math.min(closed, open), Math.max(closed, open), "%"));
                }
            }
            case "fan" -> {
                if (topics.containsKey("percentage_command_topic")) {
                    ranges.put("percentage", f.range("speed_range_min", 1, "speed_range_max", 100, ""));
                }
                f.list("preset_modes").ifPresent(l -> options.put("preset_modes", l));
            }
            default -> { }
        }
        String deviceClass = f.text("device_class");
        String commandTopic = topics.get("command_topic");
        if (commandTopic == null) {
            commandTopic = topics.entrySet().stream().filter(e -> e.getKey().endsWith("command_topic")).map(Map.Entry::getValue).findFirst().orElse(null);
        }
        String stateTopic = topics.getOrDefault("state_topic", topics.get("current_temperature_topic"));
        String id = Optional.ofNullable(f.text("unique_id")).orElse(nodeId == null ? objectId : nodeId + "_" + objectId);
        String name = Optional.ofNullable(f.text("name")).orElse(f.nestedText("device", "name").orElse(id));
        return Optional.of(new DiscoveredDevice(id, name, component, "homeassistant", topic, commandTopic, stateTopic,
                topics.get("availability_topic"), topics, payloads, ranges, options, deviceClass,
                risk(component, commandTopic != null)));
    }

    /** Locks, covers and alarm panels are irreversible; anything without a command topic is read-only. */
    static RiskTier risk(String component, boolean commandable) {
        if (!commandable) {
            return RiskTier.READ;
        }
        return switch (component) {
            case "lock", "cover", "alarm_control_panel" -> RiskTier.IRREVERSIBLE;
            case "sensor", "binary_sensor" -> RiskTier.READ;
            default -> RiskTier.REVERSIBLE;
        };
    }

    private static void defaults(String component, Map<String, String> payloads) {
        switch (component) {
            case "light", "switch", "fan" -> {
                payloads.putIfAbsent("payload_on", "ON");
                payloads.putIfAbsent("payload_off", "OFF");
            }
            case "binary_sensor" -> {
                payloads.putIfAbsent("payload_on", "ON");
                payloads.putIfAbsent("payload_off", "OFF");
            }
            case "lock" -> {
                payloads.putIfAbsent("payload_lock", "LOCK");
                payloads.putIfAbsent("payload_unlock", "UNLOCK");
                payloads.putIfAbsent("state_locked", "LOCKED");
                payloads.putIfAbsent("state_unlocked", "UNLOCKED");
            }
            case "cover" -> {
                payloads.putIfAbsent("payload_open", "OPEN");
                payloads.putIfAbsent("payload_close", "CLOSE");
                payloads.putIfAbsent("payload_stop", "STOP");
            }
            case "alarm_control_panel" -> {
                payloads.putIfAbsent("payload_disarm", "DISARM");
                payloads.putIfAbsent("payload_arm_home", "ARM_HOME");
                payloads.putIfAbsent("payload_arm_away", "ARM_AWAY");
            }
            default -> { }
        }
    }

    private static String abbreviation(String full) {
        return HomeAssistantAbbreviations.KEYS.entrySet().stream().filter(e -> e.getValue().equals(full) && !e.getKey().equals(full))
                .map(Map.Entry::getKey).findFirst().orElse(full);
    }

    static DiscoveryException problem(String topic, String field, String what) {
        String where = field.isEmpty() ? topic : topic + ": field \"" + field + "\"";
        return new DiscoveryException(new DiscoveryProblem(topic, field, where + " " + what
                + ". Fix the device's discovery message, or publish an empty retained message to remove it."));
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }

    /** Typed access to the expanded payload fields, with errors naming the field. */
    private record Fields(String topic, Map<String, JsonNode> fields) {
        String text(String key) {
            JsonNode v = fields.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isValueNode()) {
                throw problem(topic, key, "should be text, got " + describe(v));
            }
            return v.asText();
        }

        Optional<String> nestedText(String key, String inner) {
            JsonNode v = fields.get(key);
            return v != null && v.isObject() && v.get(inner) != null && v.get(inner).isTextual() ? Optional.of(v.get(inner).asText()) : Optional.empty();
        }

        String topic(String key, String base) {
            String t = text(key);
            if (t == null || t.isEmpty()) {
                throw problem(topic, key, "should be a topic, got " + (t == null ? "null" : "an empty string"));
            }
            if (base != null && t.startsWith("~")) {
                t = base + t.substring(1);
            } else if (base != null && t.endsWith("~")) {
                t = t.substring(0, t.length() - 1) + base;
            }
            if (t.contains("+") || t.contains("#")) {
                throw problem(topic, key, "is '" + t + "', but a device topic must not contain the wildcards + or #");
            }
            return t;
        }

        double number(String key, double fallback) {
            JsonNode v = fields.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isNumber()) {
                throw problem(topic, key, "should be a number, got " + describe(v));
            }
            return v.asDouble();
        }

        Range range(String minKey, double minDefault, String maxKey, double maxDefault, String unit) {
            double min = number(minKey, minDefault);
            double max = number(maxKey, maxDefault);
            if (min > max) {
                throw problem(topic, minKey, "is " + min + ", above " + maxKey + " " + max);
            }
            return new Range(min, max, unit);
        }

        Optional<List<String>> list(String key) {
            JsonNode v = fields.get(key);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isArray()) {
                throw problem(topic, key, "should be a list of text, got " + describe(v));
            }
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(item.asText()));
            return Optional.of(items);
        }
    }
}
