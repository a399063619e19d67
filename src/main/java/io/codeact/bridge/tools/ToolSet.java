package io.codeact.bridge.tools;

import io.codeact.bridge.sandbox.Param;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.RobotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Loaded tool declarations, and everything derived from them: the Python API objects, the prompt docs
 * (through {@link PyApi}) and the JSON schema for the JSON-mode baseline. Immutable.
 *
 * <pre>{@code
 * ToolSet tools = ToolSet.load(List.of(Path.of("robot-tools/warehouse.yaml")));
 * tools.toPyApis(invoker).forEach(session::expose);
 * }</pre>
 */
public final class ToolSet {
    private final List<ToolDeclaration> tools;
    private final Map<String, String> namespaceDocs;
    private final Map<String, String> groupDocs;

    private ToolSet(List<ToolDeclaration> tools, Map<String, String> namespaceDocs, Map<String, String> groupDocs) {
        this.tools = List.copyOf(tools);
        this.namespaceDocs = Map.copyOf(namespaceDocs);
        this.groupDocs = Map.copyOf(groupDocs);
    }

    /** Loads and validates files; a tool declared twice is an error naming both places. */
    public static ToolSet load(List<Path> files) {
        List<ToolDeclaration> all = new ArrayList<>();
        Map<String, String> namespaceDocs = new LinkedHashMap<>();
        Map<String, String> groupDocs = new LinkedHashMap<>();
        Map<String, ToolDeclaration> byName = new LinkedHashMap<>();
        for (Path file : files) {
            DeclarationLoader.Loaded loaded = DeclarationLoader.load(file);
            namespaceDocs.merge(loaded.namespace(), loaded.doc(), (a, b) -> a.isBlank() ? b : a);
            loaded.groups().forEach((g, d) -> groupDocs.putIfAbsent(loaded.namespace() + "." + g, d));
            for (ToolDeclaration t : loaded.tools()) {
                ToolDeclaration earlier = byName.putIfAbsent(t.qualifiedName(), t);
                if (earlier != null) {
                    throw new DeclarationException(t.source() + ": tool " + t.qualifiedName()
                            + " is already declared at " + earlier.source() + "; remove one of them");
                }
                all.add(t);
            }
        }
        return new ToolSet(all, namespaceDocs, groupDocs);
    }

    /**
     * Declarations made in code rather than read from YAML (e.g. from devices found by MQTT discovery).
     *
     * @param namespaceDocs a doc per namespace ({@code home}), for the prompt
     * @param groupDocs a doc per group, keyed by its qualified name ({@code home.kitchen_light})
     * @throws DeclarationException when a tool is declared twice, naming both sources
     */
    public static ToolSet of(List<ToolDeclaration> tools, Map<String, String> namespaceDocs, Map<String, String> groupDocs) {
        Map<String, ToolDeclaration> byName = new LinkedHashMap<>();
        for (ToolDeclaration t : tools) {
            ToolDeclaration earlier = byName.putIfAbsent(t.qualifiedName(), t);
            if (earlier != null) {
                throw new DeclarationException(t.source() + ": tool " + t.qualifiedName()
                        + " is already declared at " + earlier.source() + "; remove one of them");
            }
        }
        return new ToolSet(tools, namespaceDocs, groupDocs);
    }

    /** Loads every {@code *.yaml} file of a directory, in name order. */
    public static ToolSet loadDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return load(files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
        } catch (IOException e) {
            throw new DeclarationException(dir + ": cannot list tool declarations: " + e.getMessage(), e);
        }
    }

    public List<ToolDeclaration> tools() {
        return tools;
    }

    public Optional<ToolDeclaration> find(String qualifiedName) {
        return tools.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
    }

    /** The declarations that match, e.g. only those with a {@code sim} binding, or one device. */
    public ToolSet select(Predicate<ToolDeclaration> keep) {
        return new ToolSet(tools.stream().filter(keep).toList(), namespaceDocs, groupDocs);
    }

    /**
     * One Python API object per namespace; every call is checked against its declaration and then
     * handed to {@code invoker}.
     */
    public List<PyApi> toPyApis(ToolInvoker invoker) {
        Map<String, Node> roots = new LinkedHashMap<>();
        for (ToolDeclaration t : tools) {
            Node node = roots.computeIfAbsent(t.namespace(), ns -> new Node(ns, namespaceDocs.getOrDefault(ns, "")));
            String[] parts = t.id().split("\\.");
            String path = t.namespace();
            for (int i = 0; i < parts.length - 1; i++) {
                path += "." + parts[i];
                String docPath = path;
                node = node.children.computeIfAbsent(parts[i], g -> new Node(g, groupDocs.getOrDefault(docPath, "")));
            }
            node.tools.add(t);
        }
        return roots.values().stream().map(n -> n.build(invoker)).toList();
    }

    private static final class Node {
        final String name;
        final String doc;
        final Map<String, Node> children = new LinkedHashMap<>();
        final List<ToolDeclaration> tools = new ArrayList<>();

        Node(String name, String doc) {
            this.name = name;
            this.doc = doc;
        }

        PyApi build(ToolInvoker invoker) {
            PyApi.Builder b = PyApi.namespace(name, doc);
            for (ToolDeclaration t : tools) {
                List<Param> params = t.params().stream()
                        .map(p -> p.hasDefault() ? Param.optional(p.name(), p.defaultValue(), p.describe())
                                : Param.required(p.name(), p.describe()))
                        .toList();
                String doc = t.doc().strip() + (t.returns().isBlank() ? "" : "\nReturns: " + t.returns().strip());
                b.function(t.id().substring(t.id().lastIndexOf('.') + 1), doc, params, args -> {
                    Map<String, Object> checked = new LinkedHashMap<>();
                    try {
                        for (ParamSpec p : t.params()) {
                            checked.put(p.name(), ArgumentCheck.apply(t, p, args.get(p.name())));
                        }
                    } catch (RobotException e) {
                        invoker.refused(t, args.asMap(), e);
                        throw e;
                    }
                    return invoker.invoke(t, checked);
                });
            }
            children.values().forEach(c -> b.child(c.build(invoker)));
            return b.build();
        }
    }

    /**
     * The tools as an OpenAI-style function list ({@code [{"name", "description", "parameters": JSON
     * schema}]}), for the JSON-mode baseline and for clients that want it.
     */
    public List<Map<String, Object>> jsonSchema() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ToolDeclaration t : tools) {
            Map<String, Object> props = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (ParamSpec p : t.params()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("type", switch (p.type()) {
                    case "float" -> "number";
                    case "int" -> "integer";
                    case "bool" -> "boolean";
                    case "str" -> "string";
                    case "list" -> "array";
                    default -> "object";
                });
                s.put("description", p.describe());
                if (p.min() != null) {
                    s.put("minimum", p.min());
                }
                if (p.max() != null) {
                    s.put("maximum", p.max());
                }
                if (!p.choices().isEmpty()) {
                    s.put("enum", p.choices());
                }
                if (p.hasDefault()) {
                    s.put("default", p.defaultValue());
                } else {
                    required.add(p.name());
                }
                props.put(p.name(), s);
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("type", "object");
            params.put("properties", props);
            params.put("required", required);
            Map<String, Object> fn = new LinkedHashMap<>();
            fn.put("name", t.qualifiedName());
            fn.put("description", t.doc().strip());
            fn.put("parameters", params);
            out.add(fn);
        }
        return out;
    }
}
