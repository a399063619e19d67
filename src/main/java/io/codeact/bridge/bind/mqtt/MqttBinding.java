package io.codeact.bridge.bind.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.codeact.bridge.tools.ToolDeclaration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where one tool's calls go over MQTT: {@code <prefix>/<device>/<api>/cmd}, with the tool's parameters
 * renamed to command fields. Read from the declaration's optional {@code binding.mqtt} (checked when the
 * declarations are loaded); what it leaves out defaults to device = the caller's default (the
 * declarations' namespace, e.g. {@code robot}), api = the tool id (e.g. {@code base.drive}, one topic
 * level), fields = the parameter names.
 *
 * <pre>{@code
 * MqttBinding b = MqttBinding.of(tool, null);        // codeact/robot/base.drive/cmd
 * Map<String, Object> payload = b.toCommand(args);   // {linear: 0.2, duration: 1.0}
 * }</pre>
 *
 * @param device one topic level naming the device
 * @param api one topic level naming the API on the device
 * @param fields parameter name → command field name (only the renamed ones)
 * @param timeoutSeconds how long the device may take to carry the command out, in its own seconds, or null
 *     to estimate it from the arguments (see {@link MqttToolInvoker})
 * @param component the Home Assistant component the device is (light, lock, cover, ...), or null
 */
public record MqttBinding(String device, String api, Map<String, String> fields, Double timeoutSeconds, String component) {
    public MqttBinding {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(api, "api");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * The binding of {@code tool}.
     *
     * @param defaultDevice the device when the declaration names none; null means the tool's namespace
     * @throws IllegalArgumentException if {@code binding.mqtt} is malformed (a declaration built without the
     *     loader's checks), naming the declaration's file:line
     */
    public static MqttBinding of(ToolDeclaration tool, String defaultDevice) {
        JsonNode node = tool.bindings().get("mqtt");
        String device = defaultDevice != null ? defaultDevice : tool.namespace();
        String api = tool.id();
        Map<String, String> fields = new LinkedHashMap<>();
        Double timeout = null;
        String component = null;
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                throw new IllegalArgumentException(tool.source() + ": tool " + tool.id() + ", field binding.mqtt: must be a mapping"
                        + " such as {device: rover1, api: base}, got " + node);
            }
            device = node.path("device").asText(device);
            api = node.path("api").asText(api);
            node.path("fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
            if (node.has("timeout_s")) {
                timeout = node.get("timeout_s").asDouble();
            }
            component = node.has("component") ? node.get("component").asText() : null;
        }
        try {
            new io.codeact.bridge.transport.mqtt.DeviceTopics("x", device, api);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(tool.source() + ": tool " + tool.id() + ", field binding.mqtt: " + e.getMessage(), e);
        }
        return new MqttBinding(device, api, fields, timeout, component);
    }

    /** The command's fields: the arguments under their command field names. */
    public Map<String, Object> toCommand(Map<String, Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        args.forEach((k, v) -> out.put(fields.getOrDefault(k, k), v));
        return out;
    }

    /** The arguments back from a command's fields (the device side); fields not renamed keep their names. */
    public Map<String, Object> fromCommand(Map<String, Object> command) {
        Map<String, String> back = new LinkedHashMap<>();
        fields.forEach((param, field) -> back.put(field, param));
        Map<String, Object> out = new LinkedHashMap<>();
        command.forEach((k, v) -> out.put(back.getOrDefault(k, k), v));
        return out;
    }
}
