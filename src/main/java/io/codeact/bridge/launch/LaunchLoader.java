package io.codeact.bridge.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.codeact.bridge.tools.YamlLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a YAML launch file, with its includes, into a {@link LaunchPlan}; the format is in docs/LAUNCH.md.
 * Every problem of every file is collected (not just the first) and thrown together as one
 * {@link LaunchException}, each naming file:line, what is wrong and what to do. Nothing is started.
 *
 * <pre>{@code
 * LaunchPlan plan = LaunchLoader.create(NodeTypes.standard(), home).load(Path.of("launch/demo.yaml"), Map.of("seed", "3"));
 * }</pre>
 */
public final class LaunchLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern ARG = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> FILE_KEYS = Set.of("doc", "args", "env", "include", "nodes");
    private static final Set<String> ARG_KEYS = Set.of("default", "doc");
    private static final Set<String> INCLUDE_KEYS = Set.of("file", "args");
    private static final Set<String> NODE_KEYS = Set.of("name", "type", "doc", "params", "after", "restart", "required",
            "env", "ready_timeout_s");
    private static final Set<String> RESTART_KEYS = Set.of("policy", "max_restarts", "backoff_s");
    static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

    private final NodeTypes types;
    private final Path home;

    private LaunchLoader(NodeTypes types, Path home) {
        this.types = types;
        this.home = home.toAbsolutePath().normalize();
    }

    /** A loader for these node types; {@code home} is the checkout ({@code $(home)}, robot-tools/, simulations/). */
    public static LaunchLoader create(NodeTypes types, Path home) {
        return new LaunchLoader(types, home);
    }

    /**
     * Loads and validates {@code file} with {@code name:=value} overrides of its args.
     *
     * @throws LaunchException with every problem found, when there is any
     */
    public LaunchPlan load(Path file, Map<String, String> overrides) {
        Run run = new Run();
        Map<String, String> args = run.file(file.toAbsolutePath().normalize(), overrides, "the command line", Map.of(), List.of());
        if (run.problems.isEmpty()) {
            run.checkDependencies();
        }
        if (!run.problems.isEmpty()) {
            throw new LaunchException(run.problems, run.pendingUsed);
        }
        return new LaunchPlan(file, args == null ? Map.of() : args, run.ordered(), home);
    }

    /** The path as people typed it: relative to the working directory when the file is under it. */
    static String shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : path.toString();
    }

    /** One include: the file that includes and the line, for cycle reports. */
    private record Site(Path file, String where) {}

    /** A node as written, before ordering: its spec and where its {@code after} list is. */
    private record Written(NodeSpec spec, String afterWhere) {}

    /** One load: the problems and nodes of all files. */
    private final class Run {
        final List<String> problems = new ArrayList<>();
        final Set<String> pendingUsed = new LinkedHashSet<>();
        final Map<String, Written> nodes = new LinkedHashMap<>();

        /** Reads one file; returns its resolved args (null when it could not be read). */
        Map<String, String> file(Path path, Map<String, String> given, String givenAt, Map<String, String> inheritedEnv,
                List<Site> chain) {
            String shown = shown(path);
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add((chain.isEmpty() ? shown : chain.get(chain.size() - 1).where()) + ": cannot read launch file "
                        + shown + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check the path");
                return null;
            }
            YamlLines lines;
            JsonNode root;
            try {
                lines = new YamlLines(text);
                root = YAML.readTree(text);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
                problems.add(shown + ":" + line + ": not valid YAML: " + e.getOriginalMessage().strip()
                        + "; check indentation and quoting near that line");
                return null;
            } catch (IOException e) {
                problems.add(shown + ": cannot parse: " + e.getMessage());
                return null;
            }
            return new FileReader(this, path, shown, lines, chain).read(root, given, givenAt, inheritedEnv);
        }

        void checkDependencies() {
            for (Written w : nodes.values()) {
                for (String dep : w.spec().after()) {
                    if (!nodes.containsKey(dep)) {
                        problems.add(w.afterWhere() + ": node " + w.spec().name() + " starts after '" + dep
                                + "', but no node has that name; nodes: " + String.join(", ", nodes.keySet()));
                    }
                }
            }
            if (!problems.isEmpty()) {
                return;
            }
            Map<String, Integer> state = new LinkedHashMap<>();
            for (String name : nodes.keySet()) {
                List<String> cycle = cycleFrom(name, state, new ArrayList<>());
                if (cycle != null) {
                    StringBuilder text = new StringBuilder();
                    for (String n : cycle) {
                        text.append(text.isEmpty() ? "" : " → ").append(n).append(" (").append(nodes.get(n).afterWhere()).append(")");
                    }
                    problems.add(nodes.get(cycle.get(0)).afterWhere() + ": dependency cycle: " + text + " → " + cycle.get(0)
                            + "; each of these nodes starts after the next, so none can start; remove one 'after' entry");
                    return;
                }
            }
        }

        /** Depth-first search; state 1 = on the path, 2 = done. Returns the cycle's nodes, or null. */
        private List<String> cycleFrom(String name, Map<String, Integer> state, List<String> path) {
            Integer s = state.get(name);
            if (s != null && s == 2) {
                return null;
            }
            if (s != null && s == 1) {
                return new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            }
            state.put(name, 1);
            path.add(name);
            for (String dep : nodes.get(name).spec().after()) {
                List<String> cycle = cycleFrom(dep, state, path);
                if (cycle != null) {
                    return cycle;
                }
            }
            path.remove(path.size() - 1);
            state.put(name, 2);
            return null;
        }

        /** Start order: each node after its dependencies, otherwise in the order written. */
        List<NodeSpec> ordered() {
            List<NodeSpec> out = new ArrayList<>();
            Set<String> placed = new LinkedHashSet<>();
            while (out.size() < nodes.size()) {
                for (Written w : nodes.values()) {
                    if (!placed.contains(w.spec().name()) && placed.containsAll(w.spec().after())) {
                        out.add(w.spec());
                        placed.add(w.spec().name());
                        break;
                    }
                }
            }
            return List.copyOf(out);
        }
    }

    /** Reads the sections of one file. */
    private final class FileReader {
        private final Run run;
        private final Path path;
        private final String shown;
        private final YamlLines lines;
        private final List<Site> chain;
        private Substitution substitution;
        /** Set when an expansion used an arg without a value; the value's own errors would be noise. */
        private boolean followOn;

        FileReader(Run run, Path path, String shown, YamlLines lines, List<Site> chain) {
            this.run = run;
            this.path = path;
            this.shown = shown;
            this.lines = lines;
            this.chain = chain;
        }

        String at(String pointer) {
            return shown + ":" + lines.line(pointer);
        }

        void problem(String pointer, String message) {
            run.problems.add(at(pointer) + ": " + message);
        }

        Map<String, String> read(JsonNode root, Map<String, String> given, String givenAt, Map<String, String> inheritedEnv) {
            if (root == null || root.isMissingNode() || root.isNull()) {
                problem("", "the launch file is empty; it needs 'nodes:' (and may have 'args:', 'env:', 'include:')");
                return null;
            }
            if (!root.isObject()) {
                problem("", "a launch file is a mapping with 'nodes:' (and 'args:', 'env:', 'include:'), not a "
                        + root.getNodeType().toString().toLowerCase());
                return null;
            }
            unknownKeys(root, "", FILE_KEYS, "the launch file");
            Map<String, String> env = new LinkedHashMap<>(inheritedEnv);
            Map<String, String> args = new LinkedHashMap<>();
            Path dir = path.getParent();
            substitution = new Substitution(args, name -> env.containsKey(name) ? env.get(name) : System.getenv(name), dir, home);
            args(root.path("args"), given, givenAt, args);
            JsonNode envNode = root.path("env");
            if (!envNode.isMissingNode()) {
                Map<String, String> declared = stringMap(envNode, "/env", "env");
                env.putAll(declared);
            }
            JsonNode includes = root.path("include");
            if (!includes.isMissingNode()) {
                if (!includes.isArray()) {
                    problem("/include", "include must be a list of {file: PATH, args: {NAME: VALUE}}");
                } else {
                    for (int i = 0; i < includes.size(); i++) {
                        include(includes.get(i), "/include/" + i, env);
                    }
                }
            }
            JsonNode nodes = root.path("nodes");
            if (!nodes.isMissingNode() && !nodes.isArray()) {
                problem("/nodes", "nodes must be a list of nodes, each with 'name' and 'type'");
            } else if (nodes.isArray()) {
                for (int i = 0; i < nodes.size(); i++) {
                    node(nodes.get(i), "/nodes/" + i, env);
                }
            } else if (includes.isMissingNode()) {
                problem("", "the launch file has no 'nodes:' and no 'include:', so it would start nothing");
            }
            return args;
        }

        private void args(JsonNode node, Map<String, String> given, String givenAt, Map<String, String> args) {
            Set<String> declared = new LinkedHashSet<>();
            if (!node.isMissingNode() && !node.isObject()) {
                problem("/args", "args must map each arg name to its default, or to {default: VALUE, doc: TEXT}");
            } else if (node.isObject()) {
                for (var it = node.fields(); it.hasNext(); ) {
                    var e = it.next();
                    String name = e.getKey();
                    String at = "/args/" + name;
                    declared.add(name);
                    if (!ARG.matcher(name).matches()) {
                        problem(at, "arg name '" + name + "' must be letters, digits and _, starting with a letter or _");
                    }
                    JsonNode spec = e.getValue();
                    JsonNode def = spec;
                    if (spec.isObject()) {
                        unknownKeys(spec, at, ARG_KEYS, "arg " + name);
                        def = spec.path("default");
                    }
                    String value = given.get(name);
                    if (value == null && !def.isMissingNode() && !def.isNull() && def.isValueNode()) {
                        value = expand(def.asText(), spec.isObject() ? at + "/default" : at);
                    } else if (value == null && !def.isMissingNode() && !def.isNull()) {
                        problem(at, "arg " + name + ": the default must be a single value (text, number or true/false)");
                    }
                    if (value == null && (def.isMissingNode() || def.isNull())) {
                        problem(at, "arg " + name + " has no default and was not given; "
                                + (chain.isEmpty() ? "pass " + name + ":=VALUE on the command line"
                                        : "give it in the include's args at " + chain.get(chain.size() - 1).where()));
                    }
                    args.put(name, value);
                }
            }
            for (String name : given.keySet()) {
                if (!declared.contains(name)) {
                    run.problems.add(givenAt + ": arg '" + name + "' is given, but " + shown + " declares "
                            + (declared.isEmpty() ? "no args" : "only: " + String.join(", ", declared)));
                }
            }
        }

        private void include(JsonNode inc, String at, Map<String, String> env) {
            if (inc.isTextual()) {
                inc = JsonNodeFactory.instance.objectNode().put("file", inc.asText());
            }
            if (!inc.isObject() || !inc.path("file").isValueNode()) {
                problem(at, "each include is {file: PATH, args: {NAME: VALUE}} with PATH relative to this file");
                return;
            }
            unknownKeys(inc, at, INCLUDE_KEYS, "the include");
            String file = expand(inc.get("file").asText(), at + "/file");
            Map<String, String> args = inc.has("args") ? stringMap(inc.get("args"), at + "/args", "include args") : Map.of();
            Path target = path.getParent().resolve(file).normalize();
            String where = at(at);
            List<Site> next = new ArrayList<>(chain);
            next.add(new Site(path, where));
            for (int i = 0; i < next.size(); i++) {
                if (next.get(i).file().equals(target)) {
                    StringBuilder text = new StringBuilder();
                    for (int k = i; k < next.size(); k++) {
                        text.append(k == i ? "" : ", then ").append(next.get(k).where()).append(" includes ")
                                .append(shown(k + 1 < next.size() ? next.get(k + 1).file() : target));
                    }
                    problem(at + "/file", "include cycle: " + text + "; a file cannot include itself, directly or through others");
                    return;
                }
            }
            run.file(target, args, where, env, next);
        }

        private void node(JsonNode node, String at, Map<String, String> fileEnv) {
            if (!node.isObject()) {
                problem(at, "each node is a mapping with at least 'name' and 'type'");
                return;
            }
            int before = run.problems.size();
            unknownKeys(node, at, NODE_KEYS, "a node");
            String name = text(node, at, "name");
            String label = name == null ? "node at " + at(at) : "node " + name;
            if (name != null && !NAME.matcher(name).matches()) {
                problem(at + "/name", "node name '" + name + "' must be letters, digits, _, - and ., starting with a letter or _");
            }
            if (name != null && run.nodes.containsKey(name)) {
                problem(at + "/name", "a node named " + name + " is already declared at " + run.nodes.get(name).spec().where()
                        + "; node names must be unique across a launch and its includes");
            }
            String typeName = text(node, at, "type");
            NodeType type = null;
            if (typeName != null) {
                type = types.find(typeName).orElse(null);
                if (type == null && types.pendingTypes().containsKey(typeName)) {
                    run.pendingUsed.add(typeName);
                    problem(at + "/type", label + ": node type '" + typeName + "' is not available yet: "
                            + types.pendingTypes().get(typeName) + "; available types: " + String.join(", ", types.names()));
                } else if (type == null) {
                    problem(at + "/type", label + ": unknown node type '" + typeName + "'; use one of: "
                            + String.join(", ", types.names()));
                }
            }
            List<String> after = new ArrayList<>();
            JsonNode a = node.path("after");
            if (a.isValueNode() && !a.isNull()) {
                after.add(expand(a.asText(), at + "/after"));
            } else if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    if (!a.get(i).isValueNode()) {
                        problem(at + "/after/" + i, label + ": after lists node names");
                    } else {
                        after.add(expand(a.get(i).asText(), at + "/after/" + i));
                    }
                }
            } else if (!a.isMissingNode()) {
                problem(at + "/after", label + ": after must be a node name or a list of node names");
            }
            RestartPolicy restart = restart(node.path("restart"), at + "/restart", label);
            boolean required = false;
            JsonNode r = node.path("required");
            if (!r.isMissingNode()) {
                Boolean b = bool(r, at + "/required");
                if (b == null) {
                    problem(at + "/required", label + ": required must be true or false");
                } else {
                    required = b;
                }
            }
            Duration readyTimeout = DEFAULT_READY_TIMEOUT;
            JsonNode rt = node.path("ready_timeout_s");
            if (!rt.isMissingNode()) {
                Double d = number(rt, at + "/ready_timeout_s");
                if (d == null || d <= 0) {
                    problem(at + "/ready_timeout_s", label + ": ready_timeout_s must be a positive number of seconds");
                } else {
                    readyTimeout = Duration.ofMillis(Math.round(d * 1000));
                }
            }
            Map<String, String> env = new LinkedHashMap<>(fileEnv);
            if (node.has("env")) {
                env.putAll(stringMap(node.get("env"), at + "/env", label + " env"));
            }
            NodeParams params = null;
            if (type != null && name != null) {
                params = params(type, node.path("params"), at, name);
            }
            if (run.problems.size() > before || params == null) {
                return;
            }
            int beforeValidate = run.problems.size();
            type.validate(params, new LaunchPlan.Source(path, home));
            if (run.problems.size() > beforeValidate) {
                return;
            }
            NodeSpec spec = new NodeSpec(name, type, params, List.copyOf(after), restart, required, Map.copyOf(env),
                    readyTimeout, at(at));
            run.nodes.put(name, new Written(spec, at(a.isMissingNode() ? at : at + "/after")));
        }

        private NodeParams params(NodeType type, JsonNode node, String at, String name) {
            Map<String, NodeParam> declared = new LinkedHashMap<>();
            type.params().forEach(p -> declared.put(p.name(), p));
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, String> places = new LinkedHashMap<>();
            if (!node.isMissingNode() && !node.isObject()) {
                problem(at + "/params", "node " + name + ": params must be a mapping of parameter names to values");
                return null;
            }
            boolean ok = true;
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String p = e.getKey();
                String pat = at + "/params/" + p;
                NodeParam spec = declared.get(p);
                if (spec == null) {
                    problem(pat, "node " + name + ": unknown param '" + p + "' for node type " + type.name() + "; it takes: "
                            + String.join(", ", declared.keySet()));
                    ok = false;
                    continue;
                }
                followOn = false;
                JsonNode expanded = expandTree(e.getValue(), pat);
                Object v = convert(expanded, spec.kind());
                if (followOn) {
                    ok = false;
                    places.put(p, at(pat));
                    continue;
                }
                if (v == null && !expanded.isNull()) {
                    problem(pat, "node " + name + ", param " + p + ": must be " + spec.kind().description + ", got "
                            + describe(expanded));
                    ok = false;
                    continue;
                }
                values.put(p, v);
                places.put(p, at(pat));
            }
            for (NodeParam spec : declared.values()) {
                if (values.get(spec.name()) == null && spec.defaultValue() != null) {
                    values.put(spec.name(), normalize(spec.defaultValue(), spec.kind()));
                }
                if (spec.required() && values.get(spec.name()) == null && !places.containsKey(spec.name())) {
                    problem(node.isMissingNode() ? at : at + "/params", "node " + name + ": missing param '" + spec.name()
                            + "' (" + spec.doc() + ")");
                    ok = false;
                }
            }
            return ok ? new NodeParams(name, at(at), values, places, run.problems::add) : null;
        }

        private RestartPolicy restart(JsonNode node, String at, String label) {
            if (node.isMissingNode()) {
                return RestartPolicy.NEVER;
            }
            JsonNode policyNode = node.isObject() ? node.path("policy") : node;
            if (node.isObject()) {
                unknownKeys(node, at, RESTART_KEYS, label + " restart");
            }
            String text = policyNode.isValueNode() ? expand(policyNode.asText(), node.isObject() ? at + "/policy" : at) : null;
            RestartPolicy.Mode mode = text == null ? null : RestartPolicy.Mode.parse(text);
            if (mode == null) {
                problem(node.isObject() ? at + "/policy" : at, label + ": restart policy must be never, on-failure or always"
                        + (text == null ? "" : ", got '" + text + "'"));
                return RestartPolicy.NEVER;
            }
            int max = 3;
            Duration backoff = Duration.ofSeconds(1);
            if (node.has("max_restarts")) {
                Double d = number(node.get("max_restarts"), at + "/max_restarts");
                if (d == null || d < 0 || d != Math.floor(d)) {
                    problem(at + "/max_restarts", label + ": max_restarts must be a whole number ≥ 0");
                } else {
                    max = d.intValue();
                }
            }
            if (node.has("backoff_s")) {
                Double d = number(node.get("backoff_s"), at + "/backoff_s");
                if (d == null || d < 0) {
                    problem(at + "/backoff_s", label + ": backoff_s must be a number of seconds ≥ 0");
                } else {
                    backoff = Duration.ofMillis(Math.round(d * 1000));
                }
            }
            return new RestartPolicy(mode, mode == RestartPolicy.Mode.NEVER ? 0 : max, backoff);
        }

        private String text(JsonNode node, String at, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
                problem(at, "missing '" + field + "' in a node");
                return null;
            }
            return expand(v.asText(), at + "/" + field);
        }

        private Boolean bool(JsonNode v, String at) {
            return (Boolean) convert(expandTree(v, at), NodeParam.Kind.BOOL);
        }

        private Double number(JsonNode v, String at) {
            return (Double) convert(expandTree(v, at), NodeParam.Kind.NUMBER);
        }

        private Map<String, String> stringMap(JsonNode node, String at, String what) {
            Map<String, String> out = new LinkedHashMap<>();
            if (!node.isObject()) {
                problem(at, what + " must be a mapping of names to values");
                return out;
            }
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isValueNode()) {
                    problem(at + "/" + e.getKey(), what + ": " + e.getKey() + " must be a single value");
                } else {
                    out.put(e.getKey(), expand(e.getValue().isNull() ? "" : e.getValue().asText(), at + "/" + e.getKey()));
                }
            }
            return out;
        }

        private String expand(String text, String at) {
            try {
                return substitution.expand(text);
            } catch (Substitution.Problem e) {
                if (e.followOn) {
                    followOn = true;
                } else {
                    problem(at, e.getMessage());
                }
                return text;
            }
        }

        /** A copy with every text value expanded; numbers and booleans are kept as they are. */
        private JsonNode expandTree(JsonNode node, String at) {
            if (node.isTextual()) {
                return JsonNodeFactory.instance.textNode(expand(node.asText(), at));
            }
            if (node.isArray()) {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < node.size(); i++) {
                    out.add(expandTree(node.get(i), at + "/" + i));
                }
                return out;
            }
            if (node.isObject()) {
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                node.fields().forEachRemaining(e -> out.set(e.getKey(), expandTree(e.getValue(), at + "/" + e.getKey())));
                return out;
            }
            return node;
        }

        private void unknownKeys(JsonNode node, String at, Set<String> allowed, String what) {
            node.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    problem(at + "/" + k, "unknown field '" + k + "' in " + what + "; allowed: "
                            + String.join(", ", new TreeSet<>(allowed)));
                }
            });
        }
    }

    /** The value as the kind wants it, or null when it does not fit (also for a YAML null). */
    static Object convert(JsonNode v, NodeParam.Kind kind) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        String t = v.isValueNode() ? v.asText().strip() : null;
        return switch (kind) {
            case STRING -> t;
            case INT -> v.isIntegralNumber() ? Long.valueOf(v.asLong())
                    : v.isTextual() && t.matches("-?\\d{1,18}") ? Long.valueOf(t) : null;
            case NUMBER -> v.isNumber() ? Double.valueOf(v.asDouble()) : v.isTextual() && isNumber(t) ? Double.valueOf(t) : null;
            case BOOL -> v.isBoolean() ? Boolean.valueOf(v.asBoolean())
                    : "true".equals(t) ? Boolean.TRUE : "false".equals(t) ? Boolean.FALSE : null;
            case LIST -> {
                if (!v.isArray()) {
                    yield null;
                }
                List<String> out = new ArrayList<>();
                for (JsonNode e : v) {
                    if (!e.isValueNode() || e.isNull()) {
                        yield null;
                    }
                    out.add(e.asText());
                }
                yield List.copyOf(out);
            }
            case MAP -> {
                if (!v.isObject()) {
                    yield null;
                }
                Map<String, String> out = new LinkedHashMap<>();
                for (var it = v.fields(); it.hasNext(); ) {
                    var e = it.next();
                    if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                        yield null;
                    }
                    out.put(e.getKey(), e.getValue().asText());
                }
                yield java.util.Collections.unmodifiableMap(out);
            }
            case ANY -> YAML.convertValue(v, Object.class);
        };
    }

    private static boolean isNumber(String t) {
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Object normalize(Object value, NodeParam.Kind kind) {
        return switch (kind) {
            case INT -> ((Number) value).longValue();
            case NUMBER -> ((Number) value).doubleValue();
            default -> value;
        };
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "'" + v.asText() + "'";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        return v.asText();
    }
}
