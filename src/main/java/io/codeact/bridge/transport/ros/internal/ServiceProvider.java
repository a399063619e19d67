package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.MalformedMessageException;
import io.codeact.bridge.transport.ros.ProblemListener;
import io.codeact.bridge.transport.ros.RosProtocolException;
import io.codeact.bridge.transport.ros.ServiceHandler;
import io.codeact.bridge.transport.ros.ServiceType;
import io.codeact.bridge.transport.ros.TypeMismatchException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One service this node provides: answers each client connection's requests with the handler, an ok byte
 * and the response (or a 0 byte and the error text when the handler throws). Answers {@code probe=1}
 * connections with the header only. Each client connection runs on its own thread until the client hangs up.
 */
public final class ServiceProvider {
    private final String name;
    private final ServiceType type;
    private final ServiceHandler handler;
    private final String callerId;
    private final ProblemListener problems;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ServiceProvider(String name, ServiceType type, ServiceHandler handler, String callerId, ProblemListener problems) {
        this.name = name;
        this.type = type;
        this.handler = handler;
        this.callerId = callerId;
        this.problems = problems;
    }

    public String name() {
        return name;
    }

    public ServiceType type() {
        return type;
    }

    /** Takes a client connection whose header named this service. */
    public void accept(Socket socket, InputStream in, Map<String, String> header) throws IOException {
        String client = header.getOrDefault("callerid", String.valueOf(socket.getRemoteSocketAddress()));
        String md5 = ConnectionHeader.require(header, "md5sum", "client " + client + " of service " + name);
        try {
            type.requireCompatible(name, header.getOrDefault("type", "?"), md5);
        } catch (TypeMismatchException e) {
            problems.onProblem(new TypeMismatchException(name + " (client " + client + ")", type.name(), type.md5(),
                    e.peerType(), e.peerMd5()));
            TcprosServer.refuse(socket, e.getMessage());
            return;
        }
        socket.setTcpNoDelay(true);
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("callerid", callerId);
        reply.put("md5sum", type.md5());
        reply.put("request_type", type.request().name());
        reply.put("response_type", type.response().name());
        reply.put("type", type.name());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        out.write(ConnectionHeader.encode(reply));
        out.flush();
        if ("1".equals(header.get("probe")) || closed) {
            TcprosServer.closeQuietly(socket);
            return;
        }
        clients.add(socket);
        Thread t = new Thread(() -> serve(socket, in, out, client), "rosservice " + name + " ← " + client);
        t.setDaemon(true);
        t.start();
    }

    private void serve(Socket socket, InputStream in, OutputStream out, String client) {
        String what = "a request to " + name + " from " + client;
        try {
            while (!closed) {
                byte[] body = Frames.read(in, what);
                if (body == null) {
                    return;
                }
                byte[] answer;
                try {
                    Map<String, Object> request = type.request().deserialize(body);
                    Map<String, ?> response = handler.handle(request);
                    answer = Frames.serviceResponse(true, type.response().serialize(response == null ? Map.of() : response));
                } catch (MalformedMessageException e) {
                    answer = error("cannot read the request: " + e.getMessage());
                    problems.onProblem(new RosProtocolException("service " + name + ": bad request from " + client + ": "
                            + e.getMessage(), e));
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    answer = error(e.getMessage() == null ? e.toString() : e.getMessage());
                }
                out.write(answer);
                out.flush();
            }
        } catch (RosProtocolException e) {
            problems.onProblem(e);
        } catch (IOException e) {
            // the client hung up
        } finally {
            clients.remove(socket);
            TcprosServer.closeQuietly(socket);
        }
    }

    private static byte[] error(String text) {
        return Frames.serviceResponse(false, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Stops serving: closes every client connection. */
    public void close() {
        closed = true;
        clients.forEach(TcprosServer::closeQuietly);
    }
}
