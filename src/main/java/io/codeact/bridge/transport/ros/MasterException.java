package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.TransportException;

/**
 * The ROS master could not be reached, or refused a call (a failure or error code in its
 * {@code [code, statusMessage, value]} reply, such as an unknown parameter or service). The message names
 * the master's URI, the call, and what to do.
 */
public final class MasterException extends TransportException {
    private static final long serialVersionUID = 1L;

    private final int code;

    /**
     * @param code the ROS status code the master replied with (0 failure, -1 error), or
     *             {@link #UNREACHABLE} if it did not answer
     */
    public MasterException(String message, int code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The code used when the master did not answer at all. */
    public static final int UNREACHABLE = Integer.MIN_VALUE;

    /** The master's status code (0 failure, -1 error), or {@link #UNREACHABLE}. */
    public int code() {
        return code;
    }

    /** Whether the master could not be reached (as opposed to answering with a failure). */
    public boolean unreachable() {
        return code == UNREACHABLE;
    }
}
