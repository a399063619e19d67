package io.codeact.bridge.transport.mqtt.discovery;

/**
 * Why a discovery message was not turned into a device.
 *
 * @param topic the discovery topic it came on
 * @param field the payload field at fault (its full name), or empty when the whole payload is
 * @param message a sentence naming the topic, the field and what to do
 */
public record DiscoveryProblem(String topic, String field, String message) {}
