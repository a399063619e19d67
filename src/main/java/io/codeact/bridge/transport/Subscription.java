package io.codeact.bridge.transport;

/** An active subscription; closing it stops delivery. Idempotent. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
