package io.codeact.bridge.transport.ros;

/**
 * Bytes could not be read as the message type they were said to be: they end too soon, or bytes are left
 * over after the last field. Either the data is cut off or it is not that type (the peer's MD5 sum should
 * then differ too). The message names the type and the field where reading stopped, e.g.
 * {@code cannot read sensor_msgs/LaserScan: ranges: length 720 at offset 40 needs at least 2880 bytes, only 12 left; …}.
 */
public final class MalformedMessageException extends RuntimeException {
    private final String type;
    private final String path;

    public MalformedMessageException(String type, String path, String problem, Throwable cause) {
        super("cannot read " + type + ": " + (path.isEmpty() ? "" : path + ": ") + problem
                + "; the data is cut off or is not a " + type + " (compare the MD5 sums of both ends)", cause);
        this.type = type;
        this.path = path;
    }

    /** The message type being read. */
    public String type() {
        return type;
    }

    /** The path of the field where reading stopped, e.g. {@code ranges}; empty for the message as a whole. */
    public String path() {
        return path;
    }
}
