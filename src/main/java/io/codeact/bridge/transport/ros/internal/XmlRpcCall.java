package io.codeact.bridge.transport.ros.internal;

import java.util.List;

/**
 * One decoded {@code <methodCall>}.
 *
 * @param method the method name
 * @param params the parameters as XML-RPC values: Integer, Long ({@code i8}), Double, String, Boolean,
 *               byte[] ({@code base64}), List, Map (struct) or null ({@code nil})
 */
public record XmlRpcCall(String method, List<Object> params) {
}
