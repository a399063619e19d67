package io.codeact.bridge.transport.ros.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Map;

/**
 * Takes over an accepted TCPROS connection once its peer's connection header has been read: a topic's
 * publication or a service. Owns the socket from then on; {@code in} is the socket's buffered input, which may
 * already hold bytes sent after the header.
 */
@FunctionalInterface
public interface TcprosRoute {
    void accept(Socket socket, InputStream in, Map<String, String> header) throws IOException;
}
