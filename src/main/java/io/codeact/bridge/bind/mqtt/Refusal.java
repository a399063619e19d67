package io.codeact.bridge.bind.mqtt;

import io.codeact.bridge.sandbox.RobotException;

/**
 * Why a device refused a command, carried in the refusal echo as {@code "error_kind"} next to {@code "error"}
 * so that the bridge raises the Python exception the in-process binding would: a bad argument a
 * {@code ValueError}, an impossible request or an unknown API a {@code RobotError}, a command that overran
 * the device's own time limit a {@code CommandTimeout}. A device that sends no kind (most real ones) gets a
 * {@code RobotError}.
 */
public enum Refusal {
    /** An argument is missing, unknown, of the wrong type or out of range. */
    BAD_ARGUMENT("bad_argument"),
    /** The arguments are fine but the device cannot do it now. */
    NOT_POSSIBLE("not_possible"),
    /** The device has no such API. */
    UNKNOWN_API("unknown_api"),
    /** The command ran past the device's own time limit. */
    TIMEOUT("timeout"),
    /** The command's payload could not be read (not a JSON object, a reserved field of the wrong type). */
    MALFORMED("malformed");

    /** The echo field that carries the kind. */
    public static final String KEY = "error_kind";

    private final String wireName;

    Refusal(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind named on the wire, or null for none or an unknown name. */
    public static Refusal fromWire(Object name) {
        for (Refusal r : values()) {
            if (r.wireName.equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** The exception a code action sees for a refusal of this kind with the device's message. */
    public RobotException toException(String message) {
        return switch (this) {
            case BAD_ARGUMENT -> RobotException.badValue(message);
            case NOT_POSSIBLE, UNKNOWN_API, MALFORMED -> RobotException.robotError(message);
            case TIMEOUT -> RobotException.timeout(message);
        };
    }
}
