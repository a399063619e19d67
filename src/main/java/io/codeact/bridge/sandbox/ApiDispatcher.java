package io.codeact.bridge.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The one host entry point behind an exposed {@link PyApi}: Python calls {@code dispatch(id, arg1, arg2, ...)}
 * with the arguments in declaration order
 * and gets back a small tuple the prelude unwraps — {@code (0, scalar)}, {@code (1, json)} or
 * {@code (2, pythonType, message, detailsJson)} — so that Java errors become catchable Python
 * exceptions even though host exceptions are not catchable under {@code HostAccess.EXPLICIT}.
 */
final class ApiDispatcher implements ProxyExecutable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<PyApi.Function> functions = new ArrayList<>();
    private final List<String> qualifiedNames = new ArrayList<>();
    private final String specJson;
    private final ErrorSink errorSink;

    /** Receives unexpected exceptions from host functions (bugs), so they are recorded, not lost. */
    @FunctionalInterface
    interface ErrorSink {
        void unexpected(String function, RuntimeException e);
    }

    ApiDispatcher(PyApi api, ErrorSink errorSink) {
        this.errorSink = errorSink;
        try {
            this.specJson = JSON.writeValueAsString(spec(api, api.name()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("API " + api.name() + " has a default value that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    String specJson() {
        return specJson;
    }

    private Map<String, Object> spec(PyApi api, String path) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", api.name());
        spec.put("doc", api.doc());
        spec.put("function_only", api.functionOnly());
        List<Object> fns = new ArrayList<>();
        for (PyApi.Function f : api.functions()) {
            String qualified = api.functionOnly() ? f.name() : path + "." + f.name();
            Map<String, Object> fn = new LinkedHashMap<>();
            fn.put("id", functions.size());
            fn.put("name", f.name());
            fn.put("doc", docstring(qualified, f));
            List<Object> params = new ArrayList<>();
            for (Param p : f.params()) {
                Map<String, Object> param = new LinkedHashMap<>();
                param.put("name", p.name());
                if (p.hasDefault()) {
                    param.put("default", p.defaultValue());
                }
                params.add(param);
            }
            fn.put("params", params);
            fns.add(fn);
            functions.add(f);
            qualifiedNames.add(qualified);
        }
        spec.put("functions", fns);
        List<Object> children = new ArrayList<>();
        for (PyApi child : api.children()) {
            children.add(spec(child, path + "." + child.name()));
        }
        spec.put("children", children);
        return spec;
    }

    private static String docstring(String qualified, PyApi.Function f) {
        StringBuilder doc = new StringBuilder(f.doc() == null ? "" : f.doc().strip());
        if (!f.params().isEmpty()) {
            doc.append("\n\nArgs:");
            for (Param p : f.params()) {
                doc.append("\n    ").append(p.name());
                if (p.hasDefault()) {
                    doc.append(" (default ").append(p.defaultValue() == null ? "None" : p.defaultValue()).append(')');
                }
                if (p.doc() != null && !p.doc().isBlank()) {
                    doc.append(": ").append(p.doc().strip());
                }
            }
        }
        return doc.toString();
    }

    @Override
    public Object execute(Value... arguments) {
        int id = arguments[0].asInt();
        PyApi.Function function = functions.get(id);
        String name = qualifiedNames.get(id);
        try {
            List<Param> params = function.params();
            Map<String, Object> args = new LinkedHashMap<>(params.size() * 2);
            for (int i = 0; i < params.size(); i++) {
                args.put(params.get(i).name(), PyValues.toJava(arguments[i + 1]));
            }
            return reply(function.impl().call(new Arguments(name, args)));
        } catch (RobotException e) {
            return error(e.kind().pythonType(), e.getMessage(), e.details());
        } catch (RuntimeException e) {
            errorSink.unexpected(name, e);
            return error("RobotError", name + "() failed inside the bridge: " + e, Map.of());
        }
    }

    private static Object reply(Object value) {
        if (value == null || value instanceof Boolean || value instanceof String
                || value instanceof Long || value instanceof Integer || value instanceof Double) {
            return ProxyArray.fromArray(0, value);
        }
        if (value instanceof Float f) {
            return ProxyArray.fromArray(0, f.doubleValue());
        }
        if (value instanceof Short || value instanceof Byte) {
            return ProxyArray.fromArray(0, ((Number) value).longValue());
        }
        try {
            return ProxyArray.fromArray(1, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("host function returned a value that is not JSON-serialisable: "
                    + value.getClass().getName(), e);
        }
    }

    private static Object error(String type, String message, Map<String, Object> details) {
        String detailsJson;
        try {
            detailsJson = details.isEmpty() ? "" : JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            detailsJson = "";
        }
        return ProxyArray.fromArray(2, type, message == null ? type : message, detailsJson);
    }
}
