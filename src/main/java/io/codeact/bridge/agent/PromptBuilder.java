package io.codeact.bridge.agent;

import io.codeact.bridge.sandbox.Param;
import io.codeact.bridge.sandbox.PyApi;
import java.util.List;

/**
 * Writes the system prompt from the exposed APIs' declarations (signatures, units, docs), the world
 * context and the action format of the mode. Nothing about a tool is written twice: the docs come from
 * the same {@link PyApi} objects the session exposes.
 */
final class PromptBuilder {
    private PromptBuilder() {}

    static String system(String mode, List<PyApi> apis, String context, ActionParser parser) {
        StringBuilder p = new StringBuilder();
        p.append("You are an assistant that controls robots and devices to reach the user's goal.\n");
        if (mode.equals("code")) {
            p.append("""
                    You act by writing Python code that runs in a sandboxed Python session: variables, \
                    functions and imports persist between your actions, and the standard library (math, json, \
                    statistics, collections, itertools, heapq, ...) is available. Files, network, processes \
                    and threads are not. The value of a last bare expression is printed, as in a notebook.
                    """);
        }
        if (context != null && !context.isBlank()) {
            p.append("\n").append(context.strip()).append("\n");
        }
        p.append("\n## Available ").append(mode.equals("code") ? "objects and functions" : "tools").append("\n\n");
        for (PyApi api : apis) {
            describe(p, api, api.functionOnly() ? "" : api.name() + ".", mode);
        }
        if (mode.equals("code")) {
            p.append("""

                    Robot errors are Python exceptions you can catch: RobotError (the base), SafetyViolation \
                    (a safety limit refused the command; attributes rule, value, limit), CommandTimeout, \
                    TransportError, SessionStopped. help(obj) shows any object's documentation.
                    """);
        }
        p.append("\n## How to act\n\n").append(parser.formatInstructions().strip()).append("\n");
        if (mode.equals("code")) {
            p.append("\nWhen the goal is reached you may also call finish(\"answer\") in code; it ends the episode.\n");
        }
        return p.toString();
    }

    private static void describe(StringBuilder p, PyApi api, String prefix, String mode) {
        if (!api.functionOnly() && api.doc() != null && !api.doc().isBlank()) {
            p.append("# ").append(prefix, 0, prefix.length() - 1).append(": ").append(api.doc().strip()).append('\n');
        }
        for (PyApi.Function f : api.functions()) {
            String name = prefix + f.name();
            p.append(signature(name, f.params(), mode)).append('\n');
            if (f.doc() != null && !f.doc().isBlank()) {
                p.append("    ").append(f.doc().strip().replace("\n", "\n    ")).append('\n');
            }
            for (Param param : f.params()) {
                if (param.doc() != null && !param.doc().isBlank()) {
                    p.append("    ").append(param.name()).append(": ").append(param.doc().strip()).append('\n');
                }
            }
        }
        for (PyApi child : api.children()) {
            describe(p, child, prefix + child.name() + ".", mode);
        }
    }

    private static String signature(String name, List<Param> params, String mode) {
        StringBuilder s = new StringBuilder();
        if (mode.equals("json")) {
            s.append("{\"tool\": \"").append(name).append("\", \"arguments\": {");
            for (int i = 0; i < params.size(); i++) {
                Param p = params.get(i);
                s.append(i == 0 ? "" : ", ").append('"').append(p.name()).append("\": ")
                        .append(p.hasDefault() ? "<optional, default " + literal(p.defaultValue(), true) + ">" : "<required>");
            }
            return s.append("}}").toString();
        }
        s.append(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            s.append(i == 0 ? "" : ", ").append(p.name());
            if (p.hasDefault()) {
                s.append('=').append(literal(p.defaultValue(), false));
            }
        }
        return s.append(')').toString();
    }

    private static String literal(Object value, boolean json) {
        if (value == null) {
            return json ? "null" : "None";
        }
        if (value instanceof Boolean b) {
            return json ? b.toString() : (b ? "True" : "False");
        }
        if (value instanceof String str) {
            return json ? "\"" + str + "\"" : "'" + str + "'";
        }
        return String.valueOf(value);
    }
}
