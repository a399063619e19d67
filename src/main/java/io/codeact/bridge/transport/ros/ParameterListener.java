package io.codeact.bridge.transport.ros;

/**
 * Hears about changes to a parameter subscribed with {@link ParameterTree#subscribe}. {@code key} is the global
 * name that changed (the subscribed one or one below it); {@code value} is its new value, or an empty map when
 * it was deleted (that is how the master says so). Called on an XML-RPC thread; must not block.
 */
@FunctionalInterface
public interface ParameterListener {
    void onUpdate(String key, Object value);
}
