package io.codeact.bridge.transport.ros.internal;

/**
 * A service type with both halves resolved. Its MD5 is that of the request's MD5 text followed directly
 * (no separator) by the response's, as genmsg computes it.
 */
public record ResolvedService(ServiceSpec spec, ResolvedMessage request, ResolvedMessage response, String md5) {
}
