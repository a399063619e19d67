package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.ProblemListener;
import io.codeact.bridge.transport.ros.RosProtocolException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The node's one TCPROS port, shared by its publications and services: accepts a connection, reads the
 * peer's connection header (with a deadline), and hands the socket to the route the header names
 * ({@code topic=} or {@code service=}). A peer that sends a malformed header, or names something we do not
 * offer, gets an {@code error=} header back and is disconnected; the server keeps accepting.
 */
public final class TcprosServer implements AutoCloseable {
    private static final int HEADER_DEADLINE_MS = 10_000;

    private final ServerSocket server;
    private final String callerId;
    private final Function<Map<String, String>, TcprosRoute> routes;
    private final ProblemListener problems;
    private volatile boolean closed;

    /**
     * @param routes the route for a header, or null if we offer nothing by that name
     */
    public TcprosServer(InetAddress bind, String callerId, Function<Map<String, String>, TcprosRoute> routes,
            ProblemListener problems) throws IOException {
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(bind, 0), 64);
        this.callerId = callerId;
        this.routes = routes;
        this.problems = problems;
        Thread accept = new Thread(this::acceptLoop, "tcpros accept " + callerId);
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name("tcpros handshake " + socket.getRemoteSocketAddress()).start(() -> handshake(socket));
            } catch (IOException e) {
                if (!closed) {
                    problems.onProblem(new RosProtocolException("TCPROS server of " + callerId + " cannot accept: " + e, e));
                }
            }
        }
    }

    private void handshake(Socket socket) {
        String from = "TCPROS client " + socket.getRemoteSocketAddress();
        try {
            socket.setSoTimeout(HEADER_DEADLINE_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            Map<String, String> header;
            try {
                header = ConnectionHeader.read(in, from);
            } catch (SocketTimeoutException e) {
                throw new RosProtocolException(from + " sent no connection header within " + HEADER_DEADLINE_MS + " ms", e);
            }
            socket.setSoTimeout(0);
            if (header.containsKey("callerid")) {
                from = header.get("callerid") + " (" + socket.getRemoteSocketAddress() + ")";
            }
            TcprosRoute route = routes.apply(header);
            if (route == null) {
                String what = header.containsKey("topic") ? "topic " + header.get("topic")
                        : header.containsKey("service") ? "service " + header.get("service") : null;
                String error = what == null
                        ? "connection header names neither a topic nor a service (fields: " + String.join(", ", header.keySet()) + ")"
                        : callerId + " does not provide " + what;
                problems.onProblem(new RosProtocolException("refused a connection from " + from + ": " + error));
                refuse(socket, error);
                return;
            }
            route.accept(socket, in, header);
        } catch (RosProtocolException e) {
            problems.onProblem(e); // before answering, so whoever sees the answer can already see the problem
            refuse(socket, e.getMessage());
        } catch (IOException e) {
            closeQuietly(socket);
            if (!closed) {
                problems.onProblem(new RosProtocolException("connection from " + from + " failed during the handshake: " + e, e));
            }
        } catch (RuntimeException e) {
            problems.onProblem(e);
            refuse(socket, e.getMessage());
        }
    }

    /** Sends an {@code error=} header and closes. */
    static void refuse(Socket socket, String error) {
        try {
            Map<String, String> header = new LinkedHashMap<>();
            header.put("error", error == null ? "refused" : error);
            socket.getOutputStream().write(ConnectionHeader.encode(header));
            socket.getOutputStream().flush();
        } catch (IOException ignored) {
            // the peer is gone already; nothing to tell it
        } finally {
            closeQuietly(socket);
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that failed: nothing left to release
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (SocketException ignored) {
            // already closed
        } catch (IOException e) {
            problems.onProblem(new RosProtocolException("closing the TCPROS server of " + callerId + ": " + e, e));
        }
    }
}
