package io.codeact.bridge.transport.ros;

/**
 * How a topic is published.
 *
 * @param latch     whether the last message is kept and sent to every subscriber that connects later
 *                  (as with rospy's {@code latch=True}); for maps, states and rarely changing values
 * @param queueSize how many messages may wait per subscriber connection; when a subscriber falls behind
 *                  the oldest waiting message is dropped. At least 1.
 */
public record PublisherOptions(boolean latch, int queueSize) {
    /** Not latched, 10 messages per subscriber. */
    public static final PublisherOptions DEFAULT = new PublisherOptions(false, 10);

    public PublisherOptions {
        if (queueSize < 1) {
            throw new IllegalArgumentException("queueSize must be at least 1, got " + queueSize);
        }
    }

    public PublisherOptions latched() {
        return new PublisherOptions(true, queueSize);
    }

    public PublisherOptions withQueueSize(int size) {
        return new PublisherOptions(latch, size);
    }
}
