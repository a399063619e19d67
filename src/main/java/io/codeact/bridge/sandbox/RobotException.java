package io.codeact.bridge.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error a robot API raises on purpose: a bad argument, a safety rejection, a command the device did
 * not confirm in time, a transport failure. Thrown by a {@link HostFunction}, it arrives in the code
 * action as a catchable Python exception of the type {@link Kind#pythonType()} names, with
 * {@link #details()} as attributes (e.g. {@code e.rule}, {@code e.value}, {@code e.limit}).
 *
 * <pre>{@code
 * throw RobotException.safetyViolation("speed", 3.5, 2.0, "linear speed 3.5 m/s exceeds the limit 2.0 m/s");
 * }</pre>
 *
 * Any other exception thrown by a host function is a bug in the bridge; it reaches Python as a plain
 * {@code RobotError} naming the failure, and never crashes the controller.
 */
public class RobotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The Python exception type the error becomes. */
    public enum Kind {
        ROBOT_ERROR("RobotError"),
        SAFETY_VIOLATION("SafetyViolation"),
        COMMAND_TIMEOUT("CommandTimeout"),
        TRANSPORT_ERROR("TransportError"),
        SESSION_STOPPED("SessionStopped"),
        BAD_VALUE("ValueError"),
        BAD_TYPE("TypeError");

        private final String pythonType;

        Kind(String pythonType) {
            this.pythonType = pythonType;
        }

        public String pythonType() {
            return pythonType;
        }
    }

    private final Kind kind;
    private final Map<String, Object> details;

    public RobotException(Kind kind, String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public RobotException(Kind kind, String message) {
        this(kind, message, Map.of(), null);
    }

    public static RobotException robotError(String message) {
        return new RobotException(Kind.ROBOT_ERROR, message);
    }

    public static RobotException badValue(String message) {
        return new RobotException(Kind.BAD_VALUE, message);
    }

    public static RobotException badType(String message) {
        return new RobotException(Kind.BAD_TYPE, message);
    }

    public static RobotException timeout(String message) {
        return new RobotException(Kind.COMMAND_TIMEOUT, message);
    }

    public static RobotException transport(String message, Throwable cause) {
        return new RobotException(Kind.TRANSPORT_ERROR, message, Map.of(), cause);
    }

    /** A safety rejection: {@code rule} names the rule, {@code value} what was asked, {@code limit} the bound. */
    public static RobotException safetyViolation(String rule, Object value, Object limit, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", rule);
        details.put("value", value);
        details.put("limit", limit);
        return new RobotException(Kind.SAFETY_VIOLATION, message, details, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Extra attributes set on the Python exception object; values must be JSON-serialisable. */
    public Map<String, Object> details() {
        return details;
    }
}
