package io.codeact.bridge.transport.ros.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Calls XML-RPC methods on one peer (a ROS master or node) over HTTP/1.1. Thread-safe; connections are
 * pooled by the JDK's HTTP client shared by every instance.
 */
public final class XmlRpcClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();

    private final URI uri;
    private final Duration timeout;

    /**
     * @param uri     the peer, {@code http://host:port/}
     * @param timeout how long to wait for one answer
     * @throws IllegalArgumentException if {@code uri} is not an http URI
     */
    public XmlRpcClient(String uri, Duration timeout) {
        this.uri = parse(uri);
        this.timeout = timeout;
    }

    /** @throws IllegalArgumentException naming the URI if it is not {@code http://host:port/} */
    public static URI parse(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + uri + "\" is not a URI; ROS XML-RPC URIs look like http://localhost:11311/", e);
        }
        if (!"http".equals(parsed.getScheme()) || parsed.getHost() == null) {
            throw new IllegalArgumentException("\"" + uri + "\" is not an http://host:port/ URI; ROS XML-RPC URIs look like"
                    + " http://localhost:11311/");
        }
        return parsed.getPath() == null || parsed.getPath().isEmpty() ? URI.create(uri + "/") : parsed;
    }

    public String uri() {
        return uri.toString();
    }

    /** {@link #call(String, List)} with varargs. */
    public Object call(String method, Object... params) {
        return call(method, Arrays.asList(params));
    }

    /**
     * Calls {@code method} and returns the value of the answer.
     *
     * @throws XmlRpcFault if the peer answered with a fault
     * @throws XmlRpcException if the peer cannot be reached, times out, or does not answer in XML-RPC
     */
    public Object call(String method, List<?> params) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(XmlRpcCodec.call(method, params)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new XmlRpcException("cannot connect to " + uri + " (" + method + "): timed out", e);
        } catch (HttpTimeoutException e) {
            throw new XmlRpcException(uri + " did not answer " + method + " within " + timeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new XmlRpcException("cannot connect to " + uri + " (" + method + "): connection refused", e);
        } catch (IOException e) {
            throw new XmlRpcException("cannot call " + method + " on " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XmlRpcException("interrupted while calling " + method + " on " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new XmlRpcException(uri + " answered " + method + " with HTTP " + response.statusCode()
                    + "; is it a ROS master or node?");
        }
        try {
            return XmlRpcCodec.parseResponse(response.body());
        } catch (XmlRpcFault f) {
            throw f;
        } catch (XmlRpcException e) {
            throw new XmlRpcException(uri + " answered " + method + " with something that is not XML-RPC: " + e.getMessage(), e);
        }
    }
}
