package io.codeact.bridge.transport.ros.internal;

/** An XML-RPC {@code <fault>}: the peer understood the call and refused it. */
public final class XmlRpcFault extends XmlRpcException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String faultString;

    public XmlRpcFault(int code, String faultString) {
        super("XML-RPC fault " + code + ": " + faultString);
        this.code = code;
        this.faultString = faultString;
    }

    public int code() {
        return code;
    }

    public String faultString() {
        return faultString;
    }
}
