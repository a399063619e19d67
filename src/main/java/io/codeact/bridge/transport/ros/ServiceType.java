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
public final class ServiceType implements RosType {
    private final ResolvedService resolved;
    private final MessageType request;
    private final MessageType response;

    ServiceType(ResolvedService resolved) {
        this.resolved = resolved;
        this.request = new MessageType(resolved.request());
        this.response = new MessageType(resolved.response());
    }

    /** The full type name, e.g. {@code std_srvs/SetBool}. */
    @Override
    public String name() {
        return resolved.spec().name();
    }

    /** The MD5 sum as 32 lowercase hex digits, the same as {@code rossrv md5} prints. */
    @Override
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
