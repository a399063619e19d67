package io.codeact.bridge.transport.ros;

/**
 * A Java value does not fit the message type it is being serialised as: a wrong Java type, a number out of
 * range, a fixed-size array of the wrong length, a null, or a key that is not a field. The message names the
 * field path, the problem and the type, e.g.
 * {@code twist.linear.x: expected float64, got String "fast" (in geometry_msgs/TwistStamped)}.
 */
public final class MessageValueException extends IllegalArgumentException {
    private final String type;
    private final String path;
    private final String problem;

    public MessageValueException(String type, String path, String problem, Throwable cause) {
        super((path.isEmpty() ? "" : path + ": ") + problem + " (in " + type + ")", cause);
        this.type = type;
        this.path = path;
        this.problem = problem;
    }

    /** The message type being serialised, e.g. {@code geometry_msgs/TwistStamped}. */
    public String type() {
        return type;
    }

    /** The path of the offending field, e.g. {@code twist.linear.x} or {@code poses[2].position}; empty for the message itself. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path, e.g. {@code expected float64, got String "fast"}. */
    public String problem() {
        return problem;
    }
}
