package io.codeact.bridge.transport.mqtt.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input is buffered. Paho reads each packet's fixed header byte by byte and then
 * its body straight from the socket: three or more {@code read} system calls per message. Behind a 64 KiB
 * buffer one call brings in many messages, which matters at telemetry rates. Output is left alone: Paho
 * already buffers it and flushes once per packet.
 */
final class BufferedSocketFactory extends SocketFactory {
    static final BufferedSocketFactory INSTANCE = new BufferedSocketFactory();
    private static final int BUFFER = 64 * 1024;

    private BufferedSocketFactory() {}

    @Override
    public Socket createSocket() {
        return new BufferedInputSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = new BufferedInputSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket s = new BufferedInputSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    private static Socket connected(InetSocketAddress address) throws IOException {
        Socket s = new BufferedInputSocket();
        s.connect(address);
        return s;
    }

    private static final class BufferedInputSocket extends Socket {
        private InputStream in;

        BufferedInputSocket() {
            try {
                // a command and its acknowledgement are small packets: Nagle's algorithm would hold one back
                // until the peer's delayed ACK (~40 ms) whenever another is unacknowledged
                setTcpNoDelay(true);
            } catch (java.net.SocketException e) {
                // not fatal: only latency
            }
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), BUFFER);
            }
            return in;
        }
    }
}
