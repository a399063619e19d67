package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.ServiceProvider;

/** A service this node provides, from {@link RosNode#advertiseService}; closing it unregisters it. Thread-safe. */
public final class RosServiceServer implements AutoCloseable {
    private final RosNode node;
    private final ServiceProvider provider;

    RosServiceServer(RosNode node, ServiceProvider provider) {
        this.node = node;
        this.provider = provider;
    }

    /** The global service name. */
    public String name() {
        return provider.name();
    }

    public ServiceType type() {
        return provider.type();
    }

    /** Stops serving and unregisters from the master. Idempotent. */
    @Override
    public void close() {
        node.release(provider);
    }
}
