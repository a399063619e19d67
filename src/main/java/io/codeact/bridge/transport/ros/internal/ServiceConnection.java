package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.RosProtocolException;
import io.codeact.bridge.transport.ros.ServiceException;
import io.codeact.bridge.transport.ros.ServiceType;
import io.codeact.bridge.transport.ros.TypeMismatchException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client connection to one service server ({@code rosrpc://host:port}): header exchange, then request →
 * ok byte + response. A persistent connection serves many calls; otherwise it is used once. Not
 * thread-safe: callers serialise their calls.
 */
public final class ServiceConnection implements AutoCloseable {
    private final String service;
    private final ServiceType type;
    private final String serverUri;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String server;

    private ServiceConnection(String service, ServiceType type, String serverUri, Socket socket, InputStream in, String server) throws IOException {
        this.service = service;
        this.type = type;
        this.serverUri = serverUri;
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.server = server;
    }

    /**
     * Connects and exchanges headers.
     *
     * @throws ServiceException if the server cannot be reached, refuses, or does not answer in time
     * @throws TypeMismatchException if the server's service type differs from ours
     */
    public static ServiceConnection open(String service, ServiceType type, String serverUri, String callerId,
            boolean persistent, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(serverUri);
        } catch (IllegalArgumentException e) {
            throw new ServiceException("the master gave \"" + serverUri + "\" as the address of " + service
                    + ", which is not a rosrpc://host:port URI", e);
        }
        if (!"rosrpc".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new ServiceException("the master gave \"" + serverUri + "\" as the address of " + service
                    + ", which is not a rosrpc://host:port URI", (Throwable) null);
        }
        Socket socket = new Socket();
        try {
            int ms = millis(timeout);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), ms);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(ms);
            Map<String, String> header = new LinkedHashMap<>();
            header.put("callerid", callerId);
            header.put("service", service);
            header.put("md5sum", type.md5());
            header.put("type", type.name());
            if (persistent) {
                header.put("persistent", "1");
            }
            socket.getOutputStream().write(ConnectionHeader.encode(header));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            Map<String, String> reply = ConnectionHeader.read(in, "service " + service + " at " + serverUri);
            if (reply.containsKey("error")) {
                throw new ServiceException("service " + service + " at " + serverUri + " refused the connection: "
                        + reply.get("error"), (Throwable) null);
            }
            String md5 = reply.get("md5sum");
            if (md5 != null) {
                type.requireCompatible(service + " (server " + reply.getOrDefault("callerid", serverUri) + ")",
                        reply.getOrDefault("type", "?"), md5);
            }
            String server = "server " + reply.getOrDefault("callerid", "?") + " at " + serverUri;
            return new ServiceConnection(service, type, serverUri, socket, in, server);
        } catch (SocketTimeoutException e) {
            TcprosServer.closeQuietly(socket);
            throw new ServiceException("service " + service + " at " + serverUri + " did not answer the connection header within "
                    + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            TcprosServer.closeQuietly(socket);
            throw new ServiceException("cannot connect to service " + service + " at " + serverUri + ": " + e, e);
        } catch (RuntimeException e) {
            TcprosServer.closeQuietly(socket);
            throw e;
        }
    }

    /**
     * Asks a service server for its type with a {@code probe=1} header, as {@code rosservice type} does.
     *
     * @throws ServiceException if the server cannot be reached or does not say
     */
    public static String probeType(String service, String serverUri, String callerId, Duration timeout) {
        URI uri = URI.create(serverUri);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), millis(timeout));
            socket.setSoTimeout(millis(timeout));
            Map<String, String> header = new LinkedHashMap<>();
            header.put("callerid", callerId);
            header.put("service", service);
            header.put("md5sum", "*");
            header.put("probe", "1");
            socket.getOutputStream().write(ConnectionHeader.encode(header));
            Map<String, String> reply = ConnectionHeader.read(new BufferedInputStream(socket.getInputStream()),
                    "service " + service + " at " + serverUri);
            if (reply.containsKey("error") || !reply.containsKey("type")) {
                throw new ServiceException("service " + service + " at " + serverUri + " did not tell its type: "
                        + reply.getOrDefault("error", "no type field"), (Throwable) null);
            }
            return reply.get("type");
        } catch (IOException e) {
            throw new ServiceException("cannot probe service " + service + " at " + serverUri + ": " + e, e);
        }
    }

    private static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /**
     * Sends one request and waits for the answer.
     *
     * @throws ServiceException if the server answers with an error, hangs up, or takes longer than {@code timeout}
     */
    public Map<String, Object> call(Map<String, ?> request, Duration timeout) {
        byte[] frame = Frames.frame(type.request().serialize(request));
        try {
            socket.setSoTimeout(millis(timeout));
            out.write(frame);
            out.flush();
            int ok = in.read();
            if (ok < 0) {
                throw new ServiceException("service " + service + " (" + server + ") closed the connection without answering",
                        (Throwable) null);
            }
            byte[] body = Frames.read(in, "the response of " + service + " from " + server);
            if (body == null) {
                throw new ServiceException("service " + service + " (" + server + ") closed the connection without answering",
                        (Throwable) null);
            }
            if (ok != 1) {
                String error = new String(body, StandardCharsets.UTF_8);
                throw new ServiceException("service " + service + " (" + server + ") failed: " + error, error);
            }
            return type.response().deserialize(body);
        } catch (SocketTimeoutException e) {
            close();
            throw new ServiceException("service " + service + " (" + server + ") did not answer within " + timeout.toMillis()
                    + " ms", e);
        } catch (RosProtocolException e) {
            close();
            throw new ServiceException("service " + service + " (" + server + "): " + e.getMessage(), e);
        } catch (IOException e) {
            close();
            throw new ServiceException("service " + service + " (" + server + ") failed: " + e, e);
        }
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    public String serverUri() {
        return serverUri;
    }

    @Override
    public void close() {
        TcprosServer.closeQuietly(socket);
    }
}
