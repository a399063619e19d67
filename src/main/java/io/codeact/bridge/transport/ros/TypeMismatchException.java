package io.codeact.bridge.transport.ros;

/**
 * The two ends of a topic or service connection disagree on the message type: their MD5 sums differ. The
 * message names both sides, e.g. {@code type mismatch on /cmd_vel: we have geometry_msgs/Twist (md5
 * 9f195f881246fdfa2798d1d3eebca84a), peer has std_msgs/String (md5 992ce8a1687cec8c8bd883ec73ca41d1); …}.
 */
public final class TypeMismatchException extends RuntimeException {
    private final String channel;
    private final String ourType;
    private final String ourMd5;
    private final String peerType;
    private final String peerMd5;

    /**
     * @param channel the topic or service name, e.g. {@code /cmd_vel}
     * @param ourType our type name, {@code pkg/Type}
     * @param ourMd5 our MD5 sum
     * @param peerType the type name the peer sent (as sent, maybe empty)
     * @param peerMd5 the MD5 sum the peer sent
     */
    public TypeMismatchException(String channel, String ourType, String ourMd5, String peerType, String peerMd5) {
        super("type mismatch on " + channel + ": we have " + ourType + " (md5 " + ourMd5 + "), peer has " + peerType
                + " (md5 " + peerMd5 + "); " + advice(ourType, peerType));
        this.channel = channel;
        this.ourType = ourType;
        this.ourMd5 = ourMd5;
        this.peerType = peerType;
        this.peerMd5 = peerMd5;
    }

    private static String advice(String ourType, String peerType) {
        return ourType.equals(peerType)
                ? "the type names match but the definitions differ: give both ends the same version of the .msg file"
                : "use the same message type on both ends";
    }

    public String channel() {
        return channel;
    }

    public String ourType() {
        return ourType;
    }

    public String ourMd5() {
        return ourMd5;
    }

    public String peerType() {
        return peerType;
    }

    public String peerMd5() {
        return peerMd5;
    }
}
