package io.codeact.bridge.transport.ros;

import io.codeact.bridge.transport.ros.internal.ConnectionHeader;
import io.codeact.bridge.transport.ros.internal.XmlRpcServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A misbehaving publisher node for tests: a real slave API (answering {@code requestTopic}) and a raw TCPROS
 * port whose every accepted connection is handed, after our header is read, to a script that writes
 * whatever bytes the test wants.
 */
final class FakePublisher implements AutoCloseable {
    /** What to write on one accepted connection; gets the subscriber's header. */
    @FunctionalInterface
    interface Script {
        void play(Map<String, String> subscriberHeader, OutputStream out) throws IOException;
    }

    private final XmlRpcServer slave;
    private final ServerSocket tcpros;
    private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
    private final BlockingQueue<Map<String, String>> headers = new LinkedBlockingQueue<>();

    FakePublisher() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        tcpros = new ServerSocket(0, 8, loopback);
        slave = new XmlRpcServer(loopback, 0, "127.0.0.1", "fake publisher");
        slave.method("requestTopic", p -> List.of(1, "ready", List.of("TCPROS", "127.0.0.1", tcpros.getLocalPort())));
        Thread.ofVirtual().start(this::acceptLoop);
    }

    String uri() {
        return slave.uri();
    }

    /** Queues the script for the next connection. */
    FakePublisher then(Script script) {
        scripts.add(script);
        return this;
    }

    BlockingQueue<Map<String, String>> headers() {
        return headers;
    }

    /** A valid publisher header for {@code type}. */
    static byte[] header(MessageType type, String topic) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("callerid", "/fake_publisher");
        h.put("md5sum", type.md5());
        h.put("type", type.name());
        h.put("latching", "0");
        h.put("message_definition", type.definition());
        h.put("topic", topic);
        return ConnectionHeader.encode(h);
    }

    /** A little-endian uint32. */
    static byte[] le(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private void acceptLoop() {
        while (!tcpros.isClosed()) {
            try {
                Socket s = tcpros.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            Map<String, String> header = ConnectionHeader.read(in, "test subscriber");
            headers.add(header);
            Script script = scripts.take();
            script.play(header, s.getOutputStream());
            s.getOutputStream().flush();
            if (script instanceof Hold) {
                in.read(); // keep the connection open until the subscriber leaves
            }
        } catch (IOException | InterruptedException e) {
            // the test is over or the subscriber left
        }
    }

    /** A script that keeps the connection open after playing. */
    interface Hold extends Script {
    }

    @Override
    public void close() throws IOException {
        tcpros.close();
        slave.close();
    }
}
