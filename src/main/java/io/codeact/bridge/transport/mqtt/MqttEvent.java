package io.codeact.bridge.transport.mqtt;

/**
 * Something that happened on an MQTT link, for listeners and the log. Each event's {@link #message()}
 * says what happened, where, and what to do about it.
 */
public sealed interface MqttEvent {
    /** A readable sentence for a person or a model. */
    String message();

    /** The link is up; after a reconnect, every subscription has been sent again. */
    record Connected(String endpoint, boolean reconnect) implements MqttEvent {
        @Override
        public String message() {
            return (reconnect ? "reconnected to " : "connected to ") + endpoint
                    + (reconnect ? "; subscriptions sent again, buffered messages flushed" : "");
        }
    }

    /** The link went down; the client reconnects by itself and buffers publishes meanwhile. */
    record ConnectionLost(String endpoint, String cause) implements MqttEvent {
        @Override
        public String message() {
            return "lost the connection to " + endpoint + " (" + cause + "); reconnecting, and buffering publishes meanwhile";
        }
    }

    /** A publish was refused because the link is down and the offline buffer is full. */
    record OfflineBufferFull(String endpoint, String topic, int capacity, long droppedTotal) implements MqttEvent {
        @Override
        public String message() {
            return "dropped a message to " + topic + ": the link to " + endpoint + " is down and the offline buffer is full ("
                    + capacity + " messages; " + droppedTotal + " dropped so far). Raise offlineBufferSize, or publish less"
                    + " while the broker is away";
        }
    }

    /** An incoming message was not delivered to a handler, or its handler failed; the subscription goes on. */
    record MessageRejected(String topic, Problem problem, String detail) implements MqttEvent {
        @Override
        public String message() {
            return "ignored a message on " + topic + ": " + detail + ". The subscription goes on and the last good value is kept; "
                    + problem.advice;
        }
    }

    /** An asynchronous operation (a resubscription, a disconnect) failed. */
    record OperationFailed(String endpoint, String what, String cause) implements MqttEvent {
        @Override
        public String message() {
            return "could not " + what + " on " + endpoint + ": " + cause;
        }
    }

    /** Why an incoming message was rejected. */
    enum Problem {
        MALFORMED_PAYLOAD("fix the publisher, or subscribe with the payload type it sends (json, text or raw)"),
        OVERSIZE("raise maxPayloadBytes if such messages are expected"),
        WRONG_TYPE("fix the publisher, or the field types declared for this topic"),
        UNKNOWN_TOPIC("declare the topic if it should be read, or narrow the subscription"),
        HANDLER_FAILED("this is a bug in the handler");

        private final String advice;

        Problem(String advice) {
            this.advice = advice;
        }
    }
}
