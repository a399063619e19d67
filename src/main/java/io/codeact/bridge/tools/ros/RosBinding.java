package io.codeact.bridge.tools.ros;

import com.fasterxml.jackson.databind.JsonNode;
import io.codeact.bridge.tools.DeclarationException;
import io.codeact.bridge.tools.ParamSpec;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.transport.ros.MessageDefinitionException;
import io.codeact.bridge.transport.ros.MessageRegistry;
import io.codeact.bridge.transport.ros.MessageType;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A tool declaration's {@code binding.ros}, read and checked against the message types:
 *
 * <ul>
 *   <li><b>command</b> — {@code topic}, {@code type}, {@code fields} (message field path → parameter, e.g.
 *       {@code {linear.x: linear}}); optional {@code rate} (Hz, default 10) and {@code duration} (the
 *       parameter holding how long to keep publishing, default {@code duration} when the tool has one;
 *       without one the message is sent once), {@code odom} (a nav_msgs/Odometry topic the result is
 *       read from).</li>
 *   <li><b>read</b> — {@code topic} and {@code type}, no {@code fields}: the latest message, converted.</li>
 *   <li><b>service</b> — {@code service} and {@code type} (a service type); optional {@code fields}
 *       (request field path → parameter; default: parameters by name).</li>
 *   <li>no {@code ros} key — the tool call goes to a codeact node's {@value ToolCallProtocol#CALL_SERVICE}.</li>
 * </ul>
 *
 * Every kind takes {@code timeout_s}: how long to wait for a subscriber, a first message or a service answer.
 *
 * @param fields field path → parameter name, in declaration order
 * @param api    for {@link Kind#TOOL_CALL}: the API name sent ({@code binding.sim}, else the tool id)
 */
record RosBinding(Kind kind, String topic, String type, Map<String, String> fields, double rateHz,
        String durationParam, String odomTopic, String service, Duration timeout, String api) {

    enum Kind { COMMAND, READ, SERVICE, TOOL_CALL }

    static final Set<String> KEYS = Set.of("topic", "type", "fields", "rate", "duration", "odom", "service", "timeout_s");
    private static final Pattern NAME = Pattern.compile("[/~]?[A-Za-z][A-Za-z0-9_]*(/[A-Za-z][A-Za-z0-9_]*)*");
    private static final Set<String> NUMERIC = Set.of("float32", "float64", "int8", "uint8", "int16", "uint16",
            "int32", "uint32", "int64", "uint64", "byte", "char");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_MOTION_CALL_TIMEOUT = Duration.ofSeconds(600);
    static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

    /** The ToolCall binding of a tool without a {@code ros} key. */
    static RosBinding toolCall(ToolDeclaration tool) {
        JsonNode sim = tool.bindings().get("sim");
        String api = sim != null && sim.isTextual() ? sim.asText() : tool.id();
        return new RosBinding(Kind.TOOL_CALL, null, ToolCallProtocol.TOOL_CALL_TYPE, Map.of(), 0, null, null,
                ToolCallProtocol.CALL_SERVICE, tool.motion() ? DEFAULT_MOTION_CALL_TIMEOUT : DEFAULT_CALL_TIMEOUT, api);
    }

    /**
     * Reads and checks {@code binding.ros} of {@code tool}; null when it has none.
     *
     * @throws DeclarationException naming file:line, the tool and the key, and what to write instead
     */
    static RosBinding parse(ToolDeclaration tool, MessageRegistry types) {
        JsonNode ros = tool.bindings().get("ros");
        if (ros == null) {
            return null;
        }
        Checker c = new Checker(tool, BindingSource.of(tool));
        if (!ros.isObject()) {
            throw c.error(null, "binding.ros must be a mapping, e.g. {topic: /cmd_vel, type: geometry_msgs/Twist,"
                    + " fields: {linear.x: linear}} or {topic: /odom, type: nav_msgs/Odometry} or {service: /reset,"
                    + " type: std_srvs/Trigger}");
        }
        for (Iterator<String> it = ros.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw c.error(key, "unknown key '" + key + "'; allowed: " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        boolean hasTopic = ros.has("topic");
        boolean hasService = ros.has("service");
        if (hasTopic == hasService) {
            throw c.error(null, hasTopic ? "give either topic or service, not both"
                    : "give a topic (with type, and fields for a command) or a service (with type)");
        }
        String type = c.text(ros, "type", "a ROS type name like " + (hasTopic ? "geometry_msgs/Twist" : "std_srvs/Trigger"));
        Duration timeout = ros.has("timeout_s") ? Duration.ofMillis(Math.round(c.positive(ros, "timeout_s") * 1000)) : null;
        if (hasService) {
            String service = c.graphName(ros, "service");
            for (String key : List.of("rate", "duration", "odom")) {
                if (ros.has(key)) {
                    throw c.error(key, "'" + key + "' applies to topic commands, not to services");
                }
            }
            MessageType request;
            try {
                request = types.service(type).request();
            } catch (MessageDefinitionException e) {
                throw c.error("type", e.getMessage());
            }
            Map<String, String> fields = ros.has("fields") ? c.fields(ros, request, types) : Map.of();
            return new RosBinding(Kind.SERVICE, null, type, fields, 0, null, null, service,
                    timeout != null ? timeout : tool.motion() ? DEFAULT_MOTION_CALL_TIMEOUT : DEFAULT_CALL_TIMEOUT, null);
        }
        String topic = c.graphName(ros, "topic");
        MessageType message;
        try {
            message = types.message(type);
        } catch (MessageDefinitionException e) {
            throw c.error("type", e.getMessage());
        }
        if (!ros.has("fields")) {
            for (String key : List.of("rate", "duration", "odom")) {
                if (ros.has(key)) {
                    throw c.error(key, "'" + key + "' applies to commands (a topic with fields); a topic without fields is read");
                }
            }
            return new RosBinding(Kind.READ, topic, type, Map.of(), 0, null, null, null,
                    timeout != null ? timeout : DEFAULT_TIMEOUT, null);
        }
        Map<String, String> fields = c.fields(ros, message, types);
        double rate = ros.has("rate") ? c.positive(ros, "rate") : 10.0;
        String duration = null;
        if (ros.has("duration")) {
            duration = c.text(ros, "duration", "the name of the parameter that says how long to publish");
            ParamSpec p = tool.param(duration);
            if (p == null || !(p.type().equals("float") || p.type().equals("int"))) {
                throw c.error("duration", "duration must name a float or int parameter of the tool (seconds), got '"
                        + duration + "'; parameters: " + paramNames(tool));
            }
        } else if (tool.param("duration") != null) {
            duration = "duration";
        }
        String odom = null;
        if (ros.has("odom")) {
            odom = c.graphName(ros, "odom");
        }
        return new RosBinding(Kind.COMMAND, topic, type, fields, rate, duration, odom, null,
                timeout != null ? timeout : DEFAULT_TIMEOUT, null);
    }

    private static String paramNames(ToolDeclaration tool) {
        return tool.params().isEmpty() ? "(none)" : String.join(", ", tool.params().stream().map(ParamSpec::name).toList());
    }

    /** Checks keys of one tool's binding, with errors that name where they are. */
    private record Checker(ToolDeclaration tool, BindingSource source) {
        DeclarationException error(String key, String message) {
            String field = key == null ? "binding.ros" : "binding.ros." + key.replace('/', '.');
            return new DeclarationException(source.at(key) + ": tool " + tool.id() + ", field " + field + ": " + message);
        }

        String text(JsonNode ros, String key, String what) {
            JsonNode v = ros.get(key);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw error(v == null ? null : key, "missing " + key + ": " + what);
            }
            return v.asText();
        }

        String graphName(JsonNode ros, String key) {
            String name = text(ros, key, "a ROS graph name like /cmd_vel");
            if (!NAME.matcher(name).matches()) {
                throw error(key, "'" + name + "' is not a ROS graph name (letters, digits and _ in /-separated parts,"
                        + " each starting with a letter), e.g. /cmd_vel");
            }
            return name;
        }

        double positive(JsonNode ros, String key) {
            JsonNode v = ros.get(key);
            if (!v.isNumber() || !(v.asDouble() > 0)) {
                throw error(key, key + " must be a positive number, got " + v);
            }
            return v.asDouble();
        }

        Map<String, String> fields(JsonNode ros, MessageType message, MessageRegistry types) {
            JsonNode f = ros.get("fields");
            if (!f.isObject()) {
                throw error("fields", "fields must map a message field path to a parameter, e.g. {linear.x: linear}");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = e.getKey();
                String at = "fields/" + path;
                String leaf = leafType(message, path, types, at);
                if (!e.getValue().isTextual()) {
                    throw error(at, "the value must be a parameter name, got " + e.getValue());
                }
                String param = e.getValue().asText();
                ParamSpec p = tool.param(param);
                if (p == null) {
                    throw error(at, "no parameter '" + param + "'; parameters: " + paramNames(tool));
                }
                boolean fits = switch (p.type()) {
                    case "float", "int" -> NUMERIC.contains(leaf);
                    case "bool" -> leaf.equals("bool");
                    case "str" -> leaf.equals("string");
                    default -> false;
                };
                if (!fits) {
                    throw error(at, "parameter " + param + " (" + p.type() + ") cannot fill " + path + " (" + leaf + ")");
                }
                out.put(path, param);
            }
            return out;
        }

        private String leafType(MessageType message, String path, MessageRegistry types, String at) {
            MessageType current = message;
            String[] parts = path.split("\\.", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                MessageType.Field field = current.fields().stream().filter(x -> x.name().equals(part)).findFirst().orElse(null);
                if (field == null) {
                    throw error(at, current.name() + " has no field '" + part + "'" + (i > 0 ? " (in " + path + ")" : "")
                            + "; its fields: " + String.join(", ", current.fields().stream().map(MessageType.Field::name).toList()));
                }
                if (field.isArray()) {
                    throw error(at, path + ": " + part + " is an array (" + field.type() + "); map single fields only");
                }
                if (i == parts.length - 1) {
                    if (!field.isBuiltin()) {
                        throw error(at, path + " is a " + field.type() + ", not a single value; name one of its fields, e.g. "
                                + path + "." + types.message(field.type()).fields().get(0).name());
                    }
                    return field.type();
                }
                if (field.isBuiltin()) {
                    throw error(at, path + ": " + part + " is a " + field.type() + " and has no fields");
                }
                current = types.message(field.type());
            }
            throw error(at, "empty field path");
        }
    }
}
