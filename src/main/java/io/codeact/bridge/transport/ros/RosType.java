package io.codeact.bridge.transport.ros;

/**
 * A resolved ROS 1 message or service type as a peer sees it: a name and the MD5 sum that connection
 * headers carry, and the check ROS applies to what the peer announced. Immutable and thread-safe.
 * <pre>{@code
 * RosType twist = MessageRegistry.withBundledTypes().message("geometry_msgs/Twist");
 * twist.requireCompatible("/cmd_vel", header.get("type"), header.get("md5sum"));
 * }</pre>
 */
public sealed interface RosType permits MessageType, ServiceType {
    /** The full type name, e.g. {@code geometry_msgs/Twist} or {@code std_srvs/SetBool}. */
    String name();

    /** The MD5 sum as 32 lowercase hex digits, the same as {@code rosmsg md5} or {@code rossrv md5} prints. */
    String md5();

    /** Whether a peer announcing {@code peerMd5} can talk to us: the same sum, or the wildcard {@code *} that {@code rostopic} sends. */
    default boolean matchesMd5(String peerMd5) {
        return md5().equals(peerMd5) || "*".equals(peerMd5);
    }

    /**
     * Checks what a peer (publisher, subscriber, service client or server) announced in its connection header.
     *
     * @param channel  the topic or service, for the message, e.g. {@code /cmd_vel} or {@code /set_mode}
     * @param peerType the {@code type} the peer sent
     * @param peerMd5  the {@code md5sum} the peer sent
     * @throws TypeMismatchException naming both sides if the MD5 sums differ and the peer did not send {@code *}
     */
    default void requireCompatible(String channel, String peerType, String peerMd5) {
        if (!matchesMd5(peerMd5)) {
            throw new TypeMismatchException(channel, name(), md5(), peerType, peerMd5);
        }
    }
}
