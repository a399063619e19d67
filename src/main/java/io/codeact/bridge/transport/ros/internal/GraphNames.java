package io.codeact.bridge.transport.ros.internal;

import java.util.regex.Pattern;

/**
 * ROS graph resource names: validation and resolution of relative ({@code scan}), global ({@code /scan}) and
 * private ({@code ~scan}) names against a node's namespace and name, as rospy does.
 */
public final class GraphNames {
    private static final Pattern VALID = Pattern.compile("[~/]?([A-Za-z][A-Za-z0-9_]*)?(/[A-Za-z][A-Za-z0-9_]*)*/?");

    private GraphNames() {
    }

    /**
     * Resolves {@code name} to a global name.
     *
     * @param namespace the node's namespace, e.g. {@code /} or {@code /robot1}
     * @param node      the node's global name, e.g. {@code /robot1/bridge}, for {@code ~private} names
     * @param what      what the name is, for the error message, e.g. {@code topic}
     * @throws IllegalArgumentException naming the name if it is not a valid ROS name
     */
    public static String resolve(String namespace, String node, String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " name is empty; ROS names look like /cmd_vel, cmd_vel or ~cmd_vel");
        }
        validate(name, what);
        if (name.startsWith("/")) {
            return canonical(name);
        }
        if (name.startsWith("~")) {
            return canonical(node + "/" + name.substring(1));
        }
        return canonical(namespace + "/" + name);
    }

    /** @throws IllegalArgumentException naming the name and the rule it breaks */
    public static void validate(String name, String what) {
        if (!VALID.matcher(name).matches() || name.contains("//")) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid ROS " + what + " name: names start with a"
                    + " letter, / or ~ and contain only letters, digits, _ and single / separators (e.g. /robot1/cmd_vel)");
        }
    }

    /** Collapses repeated slashes and drops a trailing one: {@code /a//b/} → {@code /a/b}. */
    public static String canonical(String name) {
        String s = name.replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The namespace of a global name: {@code /robot1/bridge} → {@code /robot1}, {@code /bridge} → {@code /}. */
    public static String namespaceOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash <= 0 ? "/" : name.substring(0, slash);
    }
}
