package io.codeact.bridge.transport;

import java.time.Instant;
import java.util.Map;

/**
 * One received message.
 *
 * @param topic the concrete topic it arrived on (not the subscription's wildcard)
 * @param type the message type (ROS type, or {@code json}/{@code raw} on MQTT)
 * @param fields the decoded fields
 * @param receivedAt when this process received it (wall clock)
 */
public record TransportMessage(String topic, String type, Map<String, Object> fields, Instant receivedAt) {}
