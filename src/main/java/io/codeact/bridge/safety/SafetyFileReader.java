package io.codeact.bridge.safety;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.codeact.bridge.tools.RiskTier;
import io.codeact.bridge.tools.YamlLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a safety file into a {@link SafetyPolicy}; every error names file:line and the field. */
final class SafetyFileReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("expose", "limits", "rate_limits", "geofence", "confirm", "never_gated");
    private static final Set<String> MOTION_KINDS = Set.of("line", "arc", "point");

    private final String file;
    private final YamlLines lines;
    private final List<String> problems = new ArrayList<>();

    private SafetyFileReader(String file, YamlLines lines) {
        this.file = file;
        this.lines = lines;
    }

    static SafetyPolicy read(Path path) {
        String file = shown(path);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SafetyFileException(file + ": cannot read the safety file: " + e.getMessage(), e);
        }
        JsonNode root;
        YamlLines lines;
        try {
            lines = new YamlLines(text);
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new SafetyFileException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SafetyFileException(file + ": cannot read the safety file: " + e.getMessage(), e);
        }
        return new SafetyFileReader(file, lines).policy(root);
    }

    private SafetyPolicy policy(JsonNode root) {
        SafetyPolicy d = SafetyPolicy.defaults();
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw new SafetyFileException(at("") + "a safety file is a mapping with some of: " + String.join(", ", sorted(TOP)));
        }
        unknownKeys(root, "", TOP);
        List<String> allow = d.allow;
        List<String> deny = d.deny;
        JsonNode expose = root.get("expose");
        if (expose != null && object(expose, "/expose", "expose")) {
            unknownKeys(expose, "/expose", Set.of("allow", "deny"));
            allow = expose.has("allow") ? strings(expose.get("allow"), "/expose/allow", "expose.allow") : allow;
            deny = expose.has("deny") ? strings(expose.get("deny"), "/expose/deny", "expose.deny") : deny;
        }
        Map<String, SafetyPolicy.Limit> limits = limits(root.get("limits"));
        List<SafetyPolicy.RateLimit> rates = rates(root.get("rate_limits"));
        SafetyPolicy.Geofence fence = geofence(root.get("geofence"));
        Set<RiskTier> tiers = d.confirmTiers.isEmpty() ? EnumSet.noneOf(RiskTier.class) : EnumSet.copyOf(d.confirmTiers);
        List<String> confirmTools = d.confirmTools;
        Duration timeout = d.confirmTimeout;
        JsonNode confirm = root.get("confirm");
        if (confirm != null && object(confirm, "/confirm", "confirm")) {
            unknownKeys(confirm, "/confirm", Set.of("tiers", "tools", "timeout_s"));
            if (confirm.has("tiers")) {
                tiers = EnumSet.noneOf(RiskTier.class);
                for (String t : strings(confirm.get("tiers"), "/confirm/tiers", "confirm.tiers")) {
                    try {
                        tiers.add(RiskTier.valueOf(t.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        problems.add(at("/confirm/tiers") + "confirm.tiers: unknown risk tier '" + t
                                + "'; use read, reversible or irreversible");
                    }
                }
            }
            confirmTools = confirm.has("tools") ? strings(confirm.get("tools"), "/confirm/tools", "confirm.tools") : confirmTools;
            if (confirm.has("timeout_s")) {
                double s = number(confirm.get("timeout_s"), "/confirm/timeout_s", "confirm.timeout_s", 0.1, 3600);
                timeout = Duration.ofMillis((long) (s * 1000));
            }
        }
        List<String> neverGated = root.has("never_gated")
                ? strings(root.get("never_gated"), "/never_gated", "never_gated") : d.neverGated;
        if (!problems.isEmpty()) {
            throw new SafetyFileException(problems.size() == 1 ? problems.get(0)
                    : file + ": " + problems.size() + " problems:\n  " + String.join("\n  ", problems));
        }
        return new SafetyPolicy(file, allow, deny, limits, rates, fence, tiers, confirmTools, timeout, neverGated);
    }

    private Map<String, SafetyPolicy.Limit> limits(JsonNode node) {
        Map<String, SafetyPolicy.Limit> out = new LinkedHashMap<>();
        if (node == null || !object(node, "/limits", "limits")) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String ptr = "/limits/" + key;
            int dot = key.lastIndexOf('.');
            if (dot <= 0 || key.indexOf('.') == dot) {
                problems.add(at(ptr) + "limits: key '" + key + "' must be <namespace>.<tool>.<parameter>, e.g. robot.base.drive.linear");
                continue;
            }
            JsonNode v = e.getValue();
            if (!object(v, ptr, "limits." + key)) {
                continue;
            }
            unknownKeys(v, ptr, Set.of("range", "min", "max", "clamp"));
            Double min = null;
            Double max = null;
            if (v.has("range")) {
                JsonNode r = v.get("range");
                if (!r.isArray() || r.size() != 2 || !r.get(0).isNumber() || !r.get(1).isNumber()) {
                    problems.add(at(ptr + "/range") + "limits." + key + ".range must be [min, max] with two numbers, got " + r);
                    continue;
                }
                min = r.get(0).asDouble();
                max = r.get(1).asDouble();
            }
            if (v.has("min")) {
                min = number(v.get("min"), ptr + "/min", "limits." + key + ".min", -Double.MAX_VALUE, Double.MAX_VALUE);
            }
            if (v.has("max")) {
                max = number(v.get("max"), ptr + "/max", "limits." + key + ".max", -Double.MAX_VALUE, Double.MAX_VALUE);
            }
            if (min == null && max == null) {
                problems.add(at(ptr) + "limits." + key + " needs range: [min, max], min or max");
                continue;
            }
            if (min != null && max != null && min > max) {
                problems.add(at(ptr) + "limits." + key + ": min " + min + " is above max " + max);
                continue;
            }
            boolean clamp = v.has("clamp") && bool(v.get("clamp"), ptr + "/clamp", "limits." + key + ".clamp");
            out.put(key, new SafetyPolicy.Limit(key.substring(0, dot), key.substring(dot + 1), min, max, clamp, at(ptr).replaceAll(": $", "")));
        }
        return out;
    }

    private List<SafetyPolicy.RateLimit> rates(JsonNode node) {
        List<SafetyPolicy.RateLimit> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(at("/rate_limits") + "rate_limits must be a list of {tools, max, per_s}");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String ptr = "/rate_limits/" + i;
            JsonNode r = node.get(i);
            if (!object(r, ptr, "rate_limits[" + i + "]")) {
                continue;
            }
            unknownKeys(r, ptr, Set.of("tools", "max", "per_s"));
            if (!r.has("tools") || !r.get("tools").isTextual()) {
                problems.add(at(ptr) + "rate_limits[" + i + "].tools: give a tool name or pattern, e.g. \"robot.base.*\"");
                continue;
            }
            double max = r.has("max") ? number(r.get("max"), ptr + "/max", "rate_limits[" + i + "].max", 1, 1_000_000) : -1;
            double per = r.has("per_s") ? number(r.get("per_s"), ptr + "/per_s", "rate_limits[" + i + "].per_s", 0.001, 86_400) : 1;
            if (max < 0) {
                problems.add(at(ptr) + "rate_limits[" + i + "].max: give the number of calls allowed per window");
                continue;
            }
            out.add(new SafetyPolicy.RateLimit(r.get("tools").asText(), (int) max, per, at(ptr).replaceAll(": $", "")));
        }
        return out;
    }

    private SafetyPolicy.Geofence geofence(JsonNode node) {
        if (node == null || !object(node, "/geofence", "geofence")) {
            return null;
        }
        unknownKeys(node, "/geofence", Set.of("pose", "inside", "keep_out", "motions"));
        String pose = node.has("pose") && node.get("pose").isTextual() ? node.get("pose").asText() : null;
        if (pose == null) {
            problems.add(at("/geofence") + "geofence.pose: name the tool that reads the robot's pose, e.g. robot.odom.pose");
        }
        Polygon inside = node.has("inside") ? polygon("inside", node.get("inside"), "/geofence/inside", "geofence.inside") : null;
        List<Polygon> keepOut = new ArrayList<>();
        JsonNode ko = node.get("keep_out");
        if (ko != null) {
            if (!ko.isArray()) {
                problems.add(at("/geofence/keep_out") + "geofence.keep_out must be a list of {name, polygon}");
            } else {
                for (int i = 0; i < ko.size(); i++) {
                    String ptr = "/geofence/keep_out/" + i;
                    JsonNode z = ko.get(i);
                    if (!object(z, ptr, "geofence.keep_out[" + i + "]")) {
                        continue;
                    }
                    unknownKeys(z, ptr, Set.of("name", "polygon"));
                    String name = z.has("name") ? z.get("name").asText() : "zone_" + i;
                    Polygon p = polygon(name, z.get("polygon"), ptr + "/polygon", "geofence.keep_out[" + i + "].polygon");
                    if (p != null) {
                        keepOut.add(p);
                    }
                }
            }
        }
        Map<String, SafetyPolicy.Motion> motions = new LinkedHashMap<>();
        JsonNode m = node.get("motions");
        if (m != null && object(m, "/geofence/motions", "geofence.motions")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String ptr = "/geofence/motions/" + e.getKey();
                JsonNode v = e.getValue();
                if (!object(v, ptr, "geofence.motions." + e.getKey())) {
                    continue;
                }
                String kind = v.path("kind").asText("");
                if (!MOTION_KINDS.contains(kind)) {
                    problems.add(at(ptr) + "geofence.motions." + e.getKey() + ".kind: use line (x, y), arc (linear, angular, duration) or point (x, y); got '" + kind + "'");
                    continue;
                }
                Set<String> keys = kind.equals("arc") ? Set.of("kind", "linear", "angular", "duration") : Set.of("kind", "x", "y");
                unknownKeys(v, ptr, keys);
                Map<String, String> params = new LinkedHashMap<>();
                for (String k : keys) {
                    if (!k.equals("kind")) {
                        params.put(k, v.has(k) ? v.get(k).asText() : k);
                    }
                }
                motions.put(e.getKey(), new SafetyPolicy.Motion(kind, params, at(ptr).replaceAll(": $", "")));
            }
        }
        if (inside == null && keepOut.isEmpty()) {
            problems.add(at("/geofence") + "geofence: give an 'inside' polygon, 'keep_out' zones, or both");
        }
        return new SafetyPolicy.Geofence(pose, inside, keepOut, motions, at("/geofence").replaceAll(": $", ""));
    }

    private Polygon polygon(String name, JsonNode node, String ptr, String field) {
        if (node == null || !node.isArray() || node.size() < 3) {
            problems.add(at(ptr) + field + " must be a list of at least 3 [x, y] points (m)");
            return null;
        }
        List<double[]> pts = new ArrayList<>();
        for (JsonNode p : node) {
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                problems.add(at(ptr) + field + ": each point is [x, y] with two numbers, got " + p);
                return null;
            }
            pts.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
        }
        return new Polygon(name, pts);
    }

    private boolean object(JsonNode node, String ptr, String field) {
        if (node.isObject()) {
            return true;
        }
        problems.add(at(ptr) + field + " must be a mapping, got " + node);
        return false;
    }

    private List<String> strings(JsonNode node, String ptr, String field) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                if (n.isTextual()) {
                    out.add(n.asText());
                } else {
                    problems.add(at(ptr) + field + ": expected text entries, got " + n);
                }
            }
        } else {
            problems.add(at(ptr) + field + " must be a list of names, got " + node);
        }
        return out;
    }

    private double number(JsonNode node, String ptr, String field, double min, double max) {
        if (!node.isNumber()) {
            problems.add(at(ptr) + field + " must be a number, got " + node);
            return min;
        }
        double v = node.asDouble();
        if (v < min || v > max) {
            problems.add(at(ptr) + field + " must be within " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    private boolean bool(JsonNode node, String ptr, String field) {
        if (!node.isBoolean()) {
            problems.add(at(ptr) + field + " must be true or false, got " + node);
            return false;
        }
        return node.asBoolean();
    }

    private void unknownKeys(JsonNode node, String ptr, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(at(ptr + "/" + k) + "unknown key '" + k + "'"
                        + (ptr.isEmpty() ? "" : " in " + ptr.substring(1).replace('/', '.')) + "; allowed: " + String.join(", ", sorted(allowed)));
            }
        }
    }

    private String at(String ptr) {
        return file + ":" + lines.line(ptr.replace("~", "~0")) + ": ";
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : path.toString();
    }
}
