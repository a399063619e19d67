package io.codeact.bridge.llm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Posts JSON to one {@link Endpoint} and hands a 2xx body to a reader, retrying through a
 * {@link RetryLoop}. Error statuses and connection failures become {@link AttemptFailure}s here; a
 * reader turns a bad 2xx body into one itself.
 *
 * <p>The transport is the JDK's {@link HttpURLConnection}: blocking reads with a real per-read socket
 * timeout, which a stream of tokens needs, and keep-alive connection reuse. It is the only class that
 * knows the HTTP library, so swapping it (e.g. for OkHttp) touches nothing else. Thread-safe.
 */
public final class HttpExchange {
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** Reads a 2xx body into a result; called once per attempt. The exchange closes the body. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /** @param contentType the response's {@code Content-Type}, or empty when it sent none */
        T read(int status, String contentType, InputStream body) throws IOException, AttemptFailure;
    }

    private final Endpoint endpoint;
    private final RetryLoop retries;
    private final Clock clock;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param readTimeout the longest wait for the next bytes of an answer
     */
    public HttpExchange(Endpoint endpoint, RetryLoop retries, Clock clock, Duration connectTimeout, Duration readTimeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * @param headers request headers besides {@code Content-Type}
     * @throws io.codeact.bridge.llm.ModelException when every allowed attempt failed
     */
    public <T> T post(Map<String, String> headers, byte[] json, BodyReader<T> reader) {
        return retries.run(() -> attempt(headers, json, reader));
    }

    private <T> T attempt(Map<String, String> headers, byte[] json, BodyReader<T> reader) throws AttemptFailure {
        HttpURLConnection connection = null;
        boolean complete = false;
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted");
            }
            connection = (HttpURLConnection) endpoint.url().toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(millis(connectTimeout));
            connection.setReadTimeout(millis(readTimeout));
            connection.setInstanceFollowRedirects(true);
            connection.setUseCaches(false);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            headers.forEach(connection::setRequestProperty);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(json);
            }
            int status = connection.getResponseCode();
            if (status < 200 || status >= 300) {
                HttpURLConnection failed = connection;
                throw Failures.fromStatus(endpoint, status, errorBody(connection),
                        RetryAfter.from(failed::getHeaderField, clock).orElse(null));
            }
            T result;
            try (InputStream body = connection.getInputStream()) {
                result = reader.read(status, connection.getContentType() == null ? "" : connection.getContentType(), body);
            }
            complete = true;
            return result;
        } catch (IOException e) {
            throw Failures.fromIo(endpoint, e);
        } finally {
            if (connection != null && !complete) {
                // an abandoned stream (stop sequence, failure, a throwing listener) must not be drained
                connection.disconnect();
            }
        }
    }

    private static String errorBody(HttpURLConnection connection) {
        try (InputStream in = connection.getErrorStream()) {
            return in == null ? "" : new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(the error body could not be read: " + e.getMessage() + ")";
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
