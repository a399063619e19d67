package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.ResolvedService;

/**
 * A ROS 1 service type, resolved: its name, MD5 sum, and request and response message types (named
 * {@code pkg/TypeRequest} and {@code pkg/TypeResponse}, as rospy names them). Get one from a
 * {@link MessageRegistry}. Immutable and thread-safe.
 * <pre>{@code
 * ServiceType setBool = MessageRegistry.withBundledTypes().service("std_srvs/SetBool");
 * byte[] request = setBool.request().serialize(Map.of("data", true));
 * }</pre>
 */
public final class ServiceType {
    private final ResolvedService resolved;
    private final MessageType request;
    private final MessageType response;

    ServiceType(ResolvedService resolved) {
        this.resolved = resolved;
        this.request = new MessageType(resolved.request());
        this.response = new MessageType(resolved.response());
    }

    /** The full type name, e.g. {@code std_srvs/SetBool}. */
    public String name() {
        return resolved.spec().name();
    }

    /** The MD5 sum as 32 lowercase hex digits, the same as {@code rossrv md5} prints. */
    public String md5() {
        return resolved.md5();
    }

    /** The {@code .srv} text exactly as loaded. */
    public String text() {
        return resolved.spec().text();
    }

    /** Where the definition came from: a file path, {@code bundled:pkg/srv/Type.srv}, or the label given with the text. */
    public String source() {
        return resolved.spec().source();
    }

    /** The request message type, {@code pkg/TypeRequest}. */
    public MessageType request() {
        return request;
    }

    /** The response message type, {@code pkg/TypeResponse}. */
    public MessageType response() {
        return response;
    }

    /** Whether a peer announcing {@code peerMd5} can talk to us: the same sum, or the wildcard {@code *} that {@code rostopic} sends. */
    public boolean matchesMd5(String peerMd5) {
        return md5().equals(peerMd5) || "*".equals(peerMd5);
    }

    /**
     * Checks what a service client or server announced in its connection header.
     *
     * @param service  the service name, for the message, e.g. {@code /set_mode}
     * @throws TypeMismatchException naming both sides if the MD5 sums differ and the peer did not send {@code *}
     */
    public void requireCompatible(String service, String peerType, String peerMd5) {
        if (!matchesMd5(peerMd5)) {
            throw new TypeMismatchException(service, name(), md5(), peerType, peerMd5);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceType other && name().equals(other.name()) && md5().equals(other.md5());
    }

    @Override
    public int hashCode() {
        return name().hashCode() * 31 + md5().hashCode();
    }

    @Override
    public String toString() {
        return name() + " (md5 " + md5() + ")";
    }
}
