package io.codeact.bridge.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A declaration of Python-visible API: a namespace of functions and child namespaces (such as
 * {@code robot.base.drive}), or a single global function (such as {@code finish}). Exposed in a session
 * with {@link Session#expose(PyApi)}, each function becomes an ordinary Python function with keyword
 * arguments, defaults and a docstring, so {@code help(robot.base.drive)} works.
 *
 * <pre>{@code
 * PyApi robot = PyApi.namespace("robot", "The warehouse robot.")
 *     .child(PyApi.namespace("base", "Differential-drive base.")
 *         .function("drive", "Drive at a speed for a time.",
 *             List.of(Param.required("linear", "m/s"), Param.optional("duration", 1.0, "s")),
 *             args -> base.drive(args.getDouble("linear"), args.getDouble("duration")))
 *         .build())
 *     .build();
 * }</pre>
 *
 * Immutable once built; names are checked to be Python identifiers at build time.
 */
public final class PyApi {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
            "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield");

    /** One function: its Python name, docstring, parameters and Java implementation. */
    public record Function(String name, String doc, List<Param> params, HostFunction impl) {
        public Function {
            checkIdentifier(name, "function name");
            params = List.copyOf(params);
            for (Param p : params) {
                checkIdentifier(p.name(), "parameter of " + name);
            }
        }
    }

    private final String name;
    private final String doc;
    private final List<Function> functions;
    private final List<PyApi> children;
    private final boolean functionOnly;

    private PyApi(String name, String doc, List<Function> functions, List<PyApi> children, boolean functionOnly) {
        this.name = name;
        this.doc = doc;
        this.functions = List.copyOf(functions);
        this.children = List.copyOf(children);
        this.functionOnly = functionOnly;
    }

    public static Builder namespace(String name, String doc) {
        return new Builder(name, doc);
    }

    /** A single global function, e.g. {@code finish(answer)}. */
    public static PyApi function(String name, String doc, List<Param> params, HostFunction impl) {
        return new PyApi(name, doc, List.of(new Function(name, doc, params, impl)), List.of(), true);
    }

    public String name() {
        return name;
    }

    public String doc() {
        return doc;
    }

    public List<Function> functions() {
        return functions;
    }

    public List<PyApi> children() {
        return children;
    }

    public boolean functionOnly() {
        return functionOnly;
    }

    static void checkIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches() || KEYWORDS.contains(name)) {
            throw new IllegalArgumentException(what + " must be a Python identifier, got '" + name + "'");
        }
    }

    /** Builds a namespace. */
    public static final class Builder {
        private final String name;
        private final String doc;
        private final List<Function> functions = new ArrayList<>();
        private final List<PyApi> children = new ArrayList<>();

        private Builder(String name, String doc) {
            checkIdentifier(name, "namespace name");
            this.name = name;
            this.doc = Objects.requireNonNullElse(doc, "");
        }

        public Builder function(String name, String doc, List<Param> params, HostFunction impl) {
            functions.add(new Function(name, doc, params, impl));
            return this;
        }

        public Builder child(PyApi child) {
            children.add(child);
            return this;
        }

        public PyApi build() {
            return new PyApi(name, doc, functions, children, false);
        }
    }
}
