package io.codeact.bridge.transport.mqtt.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attributes of one Homie 4 device seen so far ({@code homie/<device>/$state}, {@code $nodes},
 * {@code <node>/$properties}, {@code <node>/<property>/$datatype} …), and the devices they describe.
 * Retained attributes arrive in any order, so the device is rebuilt on each one. Not thread-safe: used
 * on the transport's callback thread only.
 */
final class HomieDevice {
    private static final Set<String> DATATYPES = Set.of("integer", "float", "boolean", "string", "enum", "color", "datetime", "duration");
    private static final List<String> IRREVERSIBLE_WORDS = List.of("lock", "garage", "door", "gate", "alarm", "cover", "blind", "shutter");

    private final String prefix;
    private final String deviceId;
    private final Map<String, String> attributes = new ConcurrentHashMap<>();

    HomieDevice(String prefix, String deviceId) {
        this.prefix = prefix;
        this.deviceId = deviceId;
    }

    /** Records an attribute by its path below the device ({@code $state}, {@code arm/$properties}, …); empty removes it. */
    void put(String path, String value) {
        if (value.isEmpty()) {
            attributes.remove(path);
        } else {
            attributes.put(path, value);
        }
    }

    String state() {
        return attributes.get("$state");
    }

    private String base() {
        return prefix + "/" + deviceId;
    }

    /**
     * The device's properties as devices, once its {@code $state} is {@code ready} (or later states:
     * {@code sleeping}, {@code lost}, {@code alert}, {@code disconnected} keep it known). Empty while {@code init}.
     *
     * @throws DiscoveryException naming the attribute's topic when a required attribute is missing or invalid
     */
    List<DiscoveredDevice> build() {
        String state = state();
        if (state == null || state.equals("init")) {
            return List.of();
        }
        String nodes = require("$nodes", "lists the device's nodes, comma-separated");
        String deviceName = attributes.getOrDefault("$name", deviceId);
        List<DiscoveredDevice> out = new ArrayList<>();
        for (String node : split(nodes)) {
            checkId(node, "$nodes");
            String properties = require(node + "/$properties", "lists node " + node + "'s properties, comma-separated");
            String nodeName = attributes.getOrDefault(node + "/$name", node);
            String nodeType = attributes.getOrDefault(node + "/$type", "");
            for (String property : split(properties)) {
                checkId(property, node + "/$properties");
                out.add(property(node, nodeName, nodeType, property, deviceName));
            }
        }
        return out;
    }

    private DiscoveredDevice property(String node, String nodeName, String nodeType, String property, String deviceName) {
        String path = node + "/" + property;
        String datatype = require(path + "/$datatype", "is required by Homie 4 (integer, float, boolean, string, enum, color, datetime or duration)");
        if (!DATATYPES.contains(datatype)) {
            throw problem(path + "/$datatype", "is '" + datatype + "'; Homie 4 allows integer, float, boolean, string, enum, color, datetime, duration");
        }
        String settableText = attributes.getOrDefault(path + "/$settable", "false");
        if (!settableText.equals("true") && !settableText.equals("false")) {
            throw problem(path + "/$settable", "is '" + settableText + "'; it must be true or false");
        }
        boolean settable = settableText.equals("true");
        String format = attributes.get(path + "/$format");
        String unit = attributes.getOrDefault(path + "/$unit", "");
        Map<String, Range> ranges = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        switch (datatype) {
            case "integer", "float" -> {
                if (format != null) {
                    String[] ends = format.split(":", -1);
                    try {
                        if (ends.length != 2) {
                            throw new NumberFormatException();
                        }
                        double min = Double.parseDouble(ends[0]);
                        double max = Double.parseDouble(ends[1]);
                        if (min > max) {
                            throw problem(path + "/$format", "is '" + format + "': the minimum is above the maximum");
                        }
                        ranges.put(property, new Range(min, max, unit));
                    } catch (NumberFormatException e) {
                        throw problem(path + "/$format", "is '" + format + "'; a numeric format is <min>:<max>, such as 0:100");
                    }
                }
            }
            case "enum" -> {
                if (format == null || format.isBlank()) {
                    throw problem(path + "/$format", "is missing; an enum property lists its values there, comma-separated");
                }
                options.put(property, split(format));
            }
            case "color" -> {
                if (!"rgb".equals(format) && !"hsv".equals(format)) {
                    throw problem(path + "/$format", "is '" + format + "'; a color property's format is rgb or hsv");
                }
                options.put("color_format", List.of(format));
            }
            default -> { }
        }
        String component = switch (datatype) {
            case "boolean" -> settable ? "switch" : "binary_sensor";
            case "integer", "float" -> settable ? "number" : "sensor";
            case "enum" -> settable ? "select" : "sensor";
            case "color" -> settable ? "light" : "sensor";
            default -> settable ? "text" : "sensor";
        };
        String words = (nodeType + " " + node + " " + property).toLowerCase(Locale.ROOT);
        RiskTier risk = !settable ? RiskTier.READ
                : IRREVERSIBLE_WORDS.stream().anyMatch(words::contains) ? RiskTier.IRREVERSIBLE : RiskTier.REVERSIBLE;
        String stateTopic = base() + "/" + path;
        Map<String, String> payloads = new LinkedHashMap<>();
        payloads.put("datatype", datatype);
        if (datatype.equals("boolean")) {
            payloads.put("payload_on", "true");
            payloads.put("payload_off", "false");
        }
        String name = attributes.getOrDefault(path + "/$name", property);
        return new DiscoveredDevice(deviceId + "/" + path, deviceName + " " + nodeName + " " + name, component, "homie",
                base() + "/$state", settable ? stateTopic + "/set" : null, stateTopic, base() + "/$state",
                Map.of(), payloads, ranges, options, nodeType.isEmpty() ? null : nodeType, risk);
    }

    private String require(String path, String what) {
        String value = attributes.get(path);
        if (value == null || value.isBlank()) {
            throw problem(path, "is missing; it " + what);
        }
        return value;
    }

    private void checkId(String id, String path) {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw problem(path, "names '" + id + "', which is not a Homie id (lowercase letters, digits and '-')");
        }
    }

    private DiscoveryException problem(String path, String what) {
        String topic = base() + "/" + path;
        return new DiscoveryException(new DiscoveryProblem(topic, path.substring(path.lastIndexOf('/') + 1),
                "Homie device " + deviceId + ": " + topic + " " + what + ". Fix the device's announcement; until then its properties are not offered."));
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
