package io.codeact.bridge.tools.ros;

import io.codeact.bridge.transport.ros.MessageRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The names and types by which a codeact robot node (such as {@code codeact sim --ros}) serves the tools
 * that have no standard ROS topic or service, and how a bridge keeps its motions alive and stops them:
 *
 * <ul>
 *   <li>{@value #CALL_SERVICE} ({@value #TOOL_CALL_TYPE}): one call of an API by name with JSON arguments;
 *       a motion's call returns when the motion has ended.</li>
 *   <li>{@value #LEASE_TOPIC} ({@code std_msgs/String}, the bridge's node name): the heartbeat that renews
 *       the leases of the motions started through {@value #CALL_SERVICE}. Without it they stop.</li>
 *   <li>{@value #STOP_TOPIC} ({@code std_msgs/String}, who stops): the emergency stop; every actuator halts.</li>
 * </ul>
 *
 * The service type is bundled with this class ({@code codeact_msgs/srv/ToolCall.srv});
 * {@link #register(MessageRegistry)} adds it to a registry, with the same MD5 sum genmsg computes.
 */
public final class ToolCallProtocol {
    public static final String TOOL_CALL_TYPE = "codeact_msgs/ToolCall";
    public static final String CALL_SERVICE = "/codeact/call";
    public static final String LEASE_TOPIC = "/codeact/lease";
    public static final String STOP_TOPIC = "/codeact/stop";
    /** Parameter a codeact node sets to its world's name ({@code warehouse}); its API names are in {@value #APIS_PARAM}. */
    public static final String WORLD_PARAM = "/codeact/world";
    public static final String APIS_PARAM = "/codeact/apis";

    /** {@code error_kind} values in a ToolCall response. */
    public static final String BAD_VALUE = "bad_value";
    public static final String NOT_POSSIBLE = "not_possible";
    public static final String UNKNOWN_API = "unknown_api";
    public static final String TIMEOUT = "timeout";
    public static final String STOPPED = "stopped";

    private static final String SRV_TEXT = read("codeact_msgs/srv/ToolCall.srv");

    private ToolCallProtocol() {
    }

    /** The {@code .srv} text of {@value #TOOL_CALL_TYPE}. */
    public static String toolCallDefinition() {
        return SRV_TEXT;
    }

    /** Adds {@value #TOOL_CALL_TYPE} to {@code types} (unless it already has one) and returns it. */
    public static MessageRegistry register(MessageRegistry types) {
        if (types.findService(TOOL_CALL_TYPE).isEmpty()) {
            types.addService(TOOL_CALL_TYPE, SRV_TEXT);
        }
        return types;
    }

    private static String read(String resource) {
        try (InputStream in = ToolCallProtocol.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar next to "
                        + ToolCallProtocol.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
