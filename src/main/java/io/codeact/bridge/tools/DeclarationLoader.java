package io.codeact.bridge.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates one {@code robot-tools/*.yaml} file; every error names file:line and field. */
final class DeclarationLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Set<String> TYPES = Set.of("float", "int", "bool", "str", "list", "dict");
    private static final Set<String> FILE_KEYS = Set.of("namespace", "doc", "groups", "tools", "world");
    private static final Set<String> TOOL_KEYS = Set.of("id", "doc", "params", "returns", "risk", "motion",
            "freshness_s", "binding");
    private static final Set<String> PARAM_KEYS = Set.of("name", "type", "unit", "range", "choices", "default",
            "clamp", "doc");
    static final Set<String> BINDING_KINDS = Set.of("sim", "mqtt", "ros");
    private static final Set<String> MQTT_KEYS = Set.of("device", "api", "fields", "timeout_s", "component");
    private static final Set<String> MQTT_COMPONENTS = Set.of("light", "switch", "climate", "lock", "cover", "sensor",
            "binary_sensor", "fan");

    private final String file;
    private final YamlLines lines;
    private final JsonNode root;

    record Loaded(String namespace, String doc, Map<String, String> groups, List<ToolDeclaration> tools) {}

    private DeclarationLoader(String file, String text) throws IOException {
        this.file = file;
        this.lines = new YamlLines(text);
        this.root = YAML.readTree(text);
    }

    static Loaded load(Path path) {
        String file = shown(path);
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return new DeclarationLoader(file, text).read();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new DeclarationException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DeclarationException(file + ": cannot read the tool declarations: " + e.getMessage(), e);
        }
    }

    /** The path as people typed it: relative to the working directory when the file is under it. */
    private static String shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : path.toString();
    }

    private Loaded read() {
        if (root == null || !root.isObject()) {
            throw error("", null, "the file must be a mapping with 'namespace' and 'tools'");
        }
        unknownKeys(root, "", FILE_KEYS, null);
        String namespace = requiredText(root, "", "namespace", null);
        if (!IDENT.matcher(namespace).matches()) {
            throw error("/namespace", null, "namespace must be a Python identifier, got '" + namespace + "'");
        }
        Map<String, String> groups = new LinkedHashMap<>();
        JsonNode g = root.path("groups");
        if (!g.isMissingNode()) {
            if (!g.isObject()) {
                throw error("/groups", null, "groups must map a group name to its doc, e.g. 'base: Differential-drive base'");
            }
            g.fields().forEachRemaining(e -> groups.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode tools = root.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            throw error("/tools", null, "tools must be a non-empty list of tool declarations");
        }
        List<ToolDeclaration> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            ToolDeclaration t = tool(tools.get(i), "/tools/" + i, namespace);
            if (!seen.add(t.id())) {
                throw error("/tools/" + i + "/id", t.id(), "a tool named " + t.id() + " is already declared in this file");
            }
            out.add(t);
        }
        return new Loaded(namespace, root.path("doc").asText(""), groups, out);
    }

    private ToolDeclaration tool(JsonNode node, String at, String namespace) {
        if (!node.isObject()) {
            throw error(at, null, "each tool must be a mapping with at least 'id' and 'doc'");
        }
        String id = requiredText(node, at, "id", null);
        if (!DOTTED.matcher(id).matches()) {
            throw error(at + "/id", null, "id must be a dotted Python name like base.drive, got '" + id + "'");
        }
        unknownKeys(node, at, TOOL_KEYS, id);
        String doc = requiredText(node, at, "doc", id);
        List<ParamSpec> params = new ArrayList<>();
        JsonNode ps = node.path("params");
        if (!ps.isMissingNode() && !ps.isArray()) {
            throw error(at + "/params", id, "params must be a list");
        }
        boolean optionalSeen = false;
        for (int i = 0; i < ps.size(); i++) {
            ParamSpec p = param(ps.get(i), at + "/params/" + i, id);
            if (optionalSeen && !p.hasDefault()) {
                throw error(at + "/params/" + i, id, "required parameter '" + p.name()
                        + "' comes after one with a default; put required parameters first");
            }
            optionalSeen |= p.hasDefault();
            params.add(p);
        }
        RiskTier risk = RiskTier.READ;
        if (node.has("risk")) {
            try {
                risk = RiskTier.valueOf(node.get("risk").asText().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(at + "/risk", id, "risk must be read, reversible or irreversible, got '" + node.get("risk").asText() + "'");
            }
        }
        boolean motion = node.path("motion").asBoolean(false);
        Duration freshness = null;
        if (node.has("freshness_s")) {
            if (!node.get("freshness_s").isNumber() || node.get("freshness_s").asDouble() <= 0) {
                throw error(at + "/freshness_s", id, "freshness_s must be a positive number of seconds");
            }
            freshness = Duration.ofMillis(Math.round(node.get("freshness_s").asDouble() * 1000));
        }
        Map<String, JsonNode> bindings = new LinkedHashMap<>();
        JsonNode b = node.path("binding");
        if (!b.isMissingNode()) {
            if (!b.isObject()) {
                throw error(at + "/binding", id, "binding must map a kind (sim, mqtt, ros) to its settings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!BINDING_KINDS.contains(e.getKey())) {
                    throw error(at + "/binding/" + e.getKey(), id, "unknown binding kind '" + e.getKey() + "'; use sim, mqtt or ros");
                }
                bindings.put(e.getKey(), e.getValue());
            }
            if (b.has("mqtt")) {
                checkMqttBinding(b.get("mqtt"), at + "/binding/mqtt", id, params);
            }
        }
        return new ToolDeclaration(id, namespace, doc, params, node.path("returns").asText(""), risk, motion,
                freshness, bindings, file + ":" + lines.line(at));
    }

    /** {@code binding.mqtt}: {device, api, fields: {param: field}, timeout_s, component}, every key optional. */
    private void checkMqttBinding(JsonNode node, String at, String tool, List<ParamSpec> params) {
        if (!node.isObject()) {
            throw error(at, tool, "binding.mqtt must be a mapping such as {device: rover1, api: base, fields: {linear: v}}");
        }
        unknownKeys(node, at, MQTT_KEYS, tool);
        for (String key : List.of("device", "api")) {
            if (node.has(key)) {
                JsonNode v = node.get(key);
                String text = v.isTextual() ? v.asText() : "";
                if (text.isEmpty() || text.contains("/") || text.contains("+") || text.contains("#")) {
                    throw error(at + "/" + key, tool, key + " must be one MQTT topic level (no '/', '+' or '#'), got "
                            + (v.isTextual() ? "'" + v.asText() + "'" : v.toString()));
                }
            }
        }
        if (node.has("fields")) {
            JsonNode f = node.get("fields");
            if (!f.isObject()) {
                throw error(at + "/fields", tool, "fields must map a parameter name to its command JSON field, e.g. {linear: v}");
            }
            Set<String> targets = new java.util.HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (params.stream().noneMatch(p -> p.name().equals(e.getKey()))) {
                    throw error(at + "/fields/" + e.getKey(), tool, "'" + e.getKey() + "' is not a parameter of this tool; parameters: "
                            + (params.isEmpty() ? "none" : String.join(", ", params.stream().map(ParamSpec::name).toList())));
                }
                String field = e.getValue().isTextual() ? e.getValue().asText() : "";
                if (field.isBlank() || field.equals("cmd_id") || field.equals("ts")) {
                    throw error(at + "/fields/" + e.getKey(), tool, "the command field for '" + e.getKey()
                            + "' must be a non-empty name other than cmd_id and ts, got " + e.getValue());
                }
                if (!targets.add(field)) {
                    throw error(at + "/fields/" + e.getKey(), tool, "two parameters map to the command field '" + field + "'");
                }
            }
        }
        if (node.has("timeout_s") && (!node.get("timeout_s").isNumber() || !(node.get("timeout_s").asDouble() > 0))) {
            throw error(at + "/timeout_s", tool, "timeout_s must be a positive number of seconds (how long the device may take), got "
                    + node.get("timeout_s"));
        }
        if (node.has("component") && !MQTT_COMPONENTS.contains(node.get("component").asText())) {
            throw error(at + "/component", tool, "component must be a Home Assistant component: "
                    + String.join(", ", new java.util.TreeSet<>(MQTT_COMPONENTS)) + "; got " + node.get("component"));
        }
    }

    private ParamSpec param(JsonNode node, String at, String tool) {
        if (!node.isObject()) {
            throw error(at, tool, "each parameter must be a mapping with 'name' and 'type'");
        }
        unknownKeys(node, at, PARAM_KEYS, tool);
        String name = requiredText(node, at, "name", tool);
        if (!IDENT.matcher(name).matches()) {
            throw error(at + "/name", tool, "parameter name must be a Python identifier, got '" + name + "'");
        }
        String type = requiredText(node, at, "type", tool);
        if (!TYPES.contains(type)) {
            throw error(at + "/type", tool, "type must be one of float, int, bool, str, list, dict; got '" + type + "'");
        }
        Double min = null;
        Double max = null;
        if (node.has("range")) {
            JsonNode r = node.get("range");
            if (!type.equals("float") && !type.equals("int")) {
                throw error(at + "/range", tool, "range applies to float and int parameters, not " + type);
            }
            if (!r.isArray() || r.size() != 2 || !(r.get(0).isNumber() || r.get(0).isNull()) || !(r.get(1).isNumber() || r.get(1).isNull())) {
                throw error(at + "/range", tool, "range must be [min, max] with numbers (null for no bound)");
            }
            min = r.get(0).isNull() ? null : r.get(0).asDouble();
            max = r.get(1).isNull() ? null : r.get(1).asDouble();
            if (min != null && max != null && min > max) {
                throw error(at + "/range", tool, "min " + min + " is above max " + max);
            }
        }
        List<String> choices = new ArrayList<>();
        if (node.has("choices")) {
            if (!type.equals("str") || !node.get("choices").isArray() || node.get("choices").isEmpty()) {
                throw error(at + "/choices", tool, "choices must be a non-empty list and only applies to str parameters");
            }
            node.get("choices").forEach(c -> choices.add(c.asText()));
        }
        boolean hasDefault = node.has("default");
        Object defaultValue = hasDefault ? YAML.convertValue(node.get("default"), Object.class) : null;
        ParamSpec spec = new ParamSpec(name, type, node.has("unit") ? node.get("unit").asText() : null, min, max,
                choices, hasDefault, defaultValue, node.path("clamp").asBoolean(false), node.path("doc").asText(""));
        if (hasDefault && defaultValue != null) {
            String problem = ArgumentCheck.problem(spec, defaultValue);
            if (problem != null) {
                throw error(at + "/default", tool, "the default does not fit the parameter: " + problem);
            }
        }
        return spec;
    }

    private String requiredText(JsonNode node, String at, String field, String tool) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw error(at, tool, "missing required field '" + field + "'");
        }
        return v.asText();
    }

    private void unknownKeys(JsonNode node, String at, Set<String> allowed, String tool) {
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw error(at + "/" + k, tool, "unknown field '" + k + "'; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        });
    }

    private DeclarationException error(String pointer, String tool, String message) {
        String field = pointer.isEmpty() ? "" : ", field " + pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
        return new DeclarationException(file + ":" + lines.line(pointer) + ":" + (tool == null ? "" : " tool " + tool)
                + field + ": " + message);
    }
}
