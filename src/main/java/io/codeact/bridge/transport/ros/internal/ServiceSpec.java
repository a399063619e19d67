package io.codeact.bridge.transport.ros.internal;

/**
 * One parsed service definition: its request and response halves (named {@code pkg/TypeRequest} and
 * {@code pkg/TypeResponse}, as genmsg names them) and the whole {@code .srv} text.
 */
public record ServiceSpec(String name, MessageSpec request, MessageSpec response, String text, String source) {
}
