package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.TransportException;

/**
 * A peer sent bytes that do not follow TCPROS: a malformed or oversized connection header, a frame cut off
 * by a closed connection, a missing header field, or an {@code error=} the peer put in its header. The
 * message names the peer, the topic or service, and what was wrong. The connection is dropped; the node
 * keeps running.
 */
public final class RosProtocolException extends TransportException {
    private static final long serialVersionUID = 1L;

    public RosProtocolException(String message) {
        super(message);
    }

    public RosProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
