package io.codeact.bridge.transport.ros.internal;

/**
 * An XML-RPC exchange failed: the peer could not be reached, answered with something that is not XML-RPC,
 * or answered with a fault ({@link XmlRpcFault}). The message names the peer and the method.
 */
public class XmlRpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XmlRpcException(String message) {
        super(message);
    }

    public XmlRpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
