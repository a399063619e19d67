package io.codeact.bridge.transport.ros.internal;

import java.util.List;

/**
 * The {@code [code, statusMessage, value]} triple every ROS master and slave API call answers with:
 * 1 success, 0 failure, -1 error.
 */
public record RosReply(int code, String status, Object value) {
    public static final int SUCCESS = 1;
    public static final int FAILURE = 0;
    public static final int ERROR = -1;

    /**
     * Reads a reply.
     *
     * @throws XmlRpcException if the value is not a {@code [int, string, value]} list
     */
    public static RosReply of(Object reply) {
        if (reply instanceof List<?> l && l.size() >= 2 && l.get(0) instanceof Integer code) {
            return new RosReply(code, String.valueOf(l.get(1)), l.size() > 2 ? l.get(2) : null);
        }
        throw new XmlRpcException("expected a ROS [code, statusMessage, value] reply, got " + reply);
    }

    public boolean ok() {
        return code == SUCCESS;
    }

    /** The triple as a list, for answering a call. */
    public static List<Object> success(String status, Object value) {
        return List.of(SUCCESS, status, value);
    }

    public static List<Object> error(String status, Object value) {
        return List.of(ERROR, status, value);
    }

    public static List<Object> failure(String status, Object value) {
        return List.of(FAILURE, status, value);
    }
}
