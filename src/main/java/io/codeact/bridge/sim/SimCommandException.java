package io.codeact.bridge.sim;

/**
 * A command a simulated device refuses, with a message for people and for the model that names the
 * API, the bad value and what to do instead, e.g. {@code gripper.close: gripper is already holding
 * red_block; open it first with gripper.open()}.
 *
 * <p>{@link #reason()} tells a binding which Python exception to raise: a bad argument becomes a
 * {@code ValueError}/{@code TypeError}, a physically impossible request a {@code RobotError}.
 * Nothing in the world changed when this is thrown.
 */
public final class SimCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the command was refused. */
    public enum Reason {
        /** The world has no API by that name. */
        UNKNOWN_API,
        /** An argument is missing, unknown, of the wrong type or out of range. */
        BAD_ARGUMENT,
        /** The arguments are fine but the device cannot do it now (out of reach, battery empty, ...). */
        NOT_POSSIBLE
    }

    private final String api;
    private final Reason reason;

    public SimCommandException(String api, Reason reason, String message) {
        super(api + ": " + message);
        this.api = api;
        this.reason = reason;
    }

    public static SimCommandException badArgument(String api, String message) {
        return new SimCommandException(api, Reason.BAD_ARGUMENT, message);
    }

    public static SimCommandException notPossible(String api, String message) {
        return new SimCommandException(api, Reason.NOT_POSSIBLE, message);
    }

    /** The API name the command was sent to, e.g. {@code base.drive}. */
    public String api() {
        return api;
    }

    public Reason reason() {
        return reason;
    }
}
