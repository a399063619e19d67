package io.codeact.bridge.transport.ros.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small XML-RPC server on the JDK's embedded HTTP server: POST {@code /} with a {@code <methodCall>},
 * answered by the registered {@link XmlRpcMethod}. Also serves {@code system.multicall} (roslaunch uses it).
 * Methods run on a pool of daemon threads and may be called concurrently.
 */
public final class XmlRpcServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(XmlRpcServer.class);
    private static final int MAX_REQUEST_BYTES = 64 << 20;

    private final Map<String, XmlRpcMethod> methods = new ConcurrentHashMap<>();
    private final HttpServer http;
    private final ExecutorService threads;
    private final String uri;

    /**
     * Binds and starts serving.
     *
     * @param bind          the address to bind to
     * @param port          the port, 0 for any free one
     * @param advertiseHost the host name put in {@link #uri()}
     * @param name          for thread names, e.g. the node name
     * @throws IOException if the port cannot be bound
     */
    public XmlRpcServer(InetAddress bind, int port, String advertiseHost, String name) throws IOException {
        http = HttpServer.create(new InetSocketAddress(bind, port), 64);
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "xmlrpc " + name + " #" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(threads);
        http.createContext("/", this::handle);
        http.start();
        uri = "http://" + GraphHost.forUri(advertiseHost) + ":" + http.getAddress().getPort() + "/";
    }

    /** {@code http://host:port/} */
    public String uri() {
        return uri;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public XmlRpcServer method(String name, XmlRpcMethod method) {
        methods.put(name, method);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "XML-RPC takes POST\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            byte[] answer;
            if (body.length > MAX_REQUEST_BYTES) {
                answer = XmlRpcCodec.fault(1, "request larger than " + MAX_REQUEST_BYTES + " bytes");
            } else {
                answer = answer(body, exchange.getRemoteAddress());
            }
            reply(exchange, 200, answer, "text/xml");
        }
    }

    private byte[] answer(byte[] body, InetSocketAddress from) {
        XmlRpcCall call;
        try {
            call = XmlRpcCodec.parseCall(body);
        } catch (XmlRpcException e) {
            log.debug("bad XML-RPC request from {}: {}", from, e.getMessage());
            return XmlRpcCodec.fault(1, e.getMessage());
        }
        try {
            return XmlRpcCodec.response(invoke(call.method(), call.params()));
        } catch (XmlRpcFault f) {
            return XmlRpcCodec.fault(f.code(), f.faultString());
        } catch (RuntimeException e) {
            log.warn("XML-RPC method {} failed for {}", call.method(), from, e);
            return XmlRpcCodec.fault(1, call.method() + " failed: " + e);
        }
    }

    private Object invoke(String name, List<Object> params) {
        if (name.equals("system.multicall")) {
            return multicall(params);
        }
        XmlRpcMethod method = methods.get(name);
        if (method == null) {
            throw new XmlRpcFault(1, "method \"" + name + "\" is not supported");
        }
        return method.call(params);
    }

    private List<Object> multicall(List<Object> params) {
        if (params.size() != 1 || !(params.get(0) instanceof List<?> calls)) {
            throw new XmlRpcFault(1, "system.multicall takes one array of {methodName, params} structs");
        }
        List<Object> results = new ArrayList<>();
        for (Object c : calls) {
            try {
                if (!(c instanceof Map<?, ?> m) || !(m.get("methodName") instanceof String method)
                        || !(m.get("params") instanceof List<?> args)) {
                    throw new XmlRpcFault(1, "system.multicall entries are {methodName, params} structs");
                }
                results.add(List.of(invoke(method, new ArrayList<>(args))));
            } catch (XmlRpcFault f) {
                results.add(faultStruct(f.code(), f.faultString()));
            } catch (RuntimeException e) {
                results.add(faultStruct(1, e.toString()));
            }
        }
        return results;
    }

    private static Map<String, Object> faultStruct(int code, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("faultCode", code);
        fault.put("faultString", message);
        return fault;
    }

    private static void reply(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }

    /** Stops accepting calls, lets calls in progress (such as the one that asked us to stop) answer for up to 1 s, closes. */
    public void closeGracefully() {
        http.stop(1);
        threads.shutdownNow();
    }
}
