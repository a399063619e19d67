package io.codeact.bridge.llm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts JSON to one {@link Endpoint} and hands a 2xx body to a reader, retrying through a
 * {@link RetryLoop}. Error statuses and connection failures become {@link AttemptFailure}s here; a
 * reader turns a bad 2xx body into one itself.
 *
 * <p>The transport is OkHttp: one {@link OkHttpClient}, and so one connection pool, per exchange (that
 * is, per model client). A reader gets the body as it arrives, never buffered ahead. A call is
 * cancelled ({@link Call#cancel()}) when the calling thread is interrupted, even while it waits on the
 * socket ({@link InterruptWatchdog}), and when the reader fails, so an abandoned stream is cut rather
 * than drained. No request or header is logged. This and {@link InterruptWatchdog} are the only
 * classes that know OkHttp. Thread-safe.
 *
 * <pre>{@code
 * HttpExchange http = new HttpExchange(endpoint, retries, Clock.systemUTC(), new HttpExchange.Timeouts(connect, read, Duration.ZERO));
 * String text = http.post(Map.of("Accept", "application/json"), json, (status, type, body) -> new String(body.readAllBytes(), UTF_8));
 * }</pre>
 */
public final class HttpExchange {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final long MAX_ERROR_BODY = 64 * 1024;

    /** Reads a 2xx body into a result; called once per attempt. The exchange closes the body. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /** @param contentType the response's {@code Content-Type}, or empty when it sent none */
        T read(int status, String contentType, InputStream body) throws IOException, AttemptFailure;
    }

    /**
     * How long one attempt may wait; {@link Duration#ZERO} means no limit.
     *
     * @param connect the longest wait for a TCP (and TLS) connection
     * @param read    the longest wait for the next bytes of an answer
     * @param call    the longest a whole attempt may take, from connecting to the last byte of the answer
     */
    public record Timeouts(Duration connect, Duration read, Duration call) {
        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(read, "read");
            Objects.requireNonNull(call, "call");
        }
    }

    private final Endpoint endpoint;
    private final HttpUrl url;
    private final RetryLoop retries;
    private final Clock clock;
    private final OkHttpClient client;

    /** @throws IllegalArgumentException when a timeout is negative */
    public HttpExchange(Endpoint endpoint, RetryLoop retries, Clock clock, Timeouts timeouts) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.url = HttpUrl.get(endpoint.url().toString());
        this.retries = Objects.requireNonNull(retries, "retries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                // RetryLoop alone retries, with backoff, a WARN and a count against maxAttempts; OkHttp would
                // silently re-send a request whose connection failed after the server may have started on it
                .retryOnConnectionFailure(false)
                .build();
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * @param headers request headers besides {@code Content-Type}
     * @throws io.codeact.bridge.llm.ModelException when every allowed attempt failed
     */
    public <T> T post(Map<String, String> headers, byte[] json, BodyReader<T> reader) {
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(json, JSON));
        headers.forEach(request::header);
        Request built = request.build();
        return retries.run(() -> attempt(built, reader));
    }

    private <T> T attempt(Request request, BodyReader<T> reader) throws AttemptFailure {
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted");
            }
            Call call = client.newCall(request);
            InterruptWatchdog.Watch watch = InterruptWatchdog.watch(call);
            try (Response response = call.execute()) {
                return read(call, response, reader);
            } finally {
                watch.close();
            }
        } catch (IOException e) {
            throw Failures.fromIo(endpoint, e);
        }
    }

    private <T> T read(Call call, Response response, BodyReader<T> reader) throws IOException, AttemptFailure {
        if (!response.isSuccessful()) {
            throw Failures.fromStatus(endpoint, response.code(), errorBody(response),
                    RetryAfter.from(response::header, clock).orElse(null));
        }
        boolean complete = false;
        try {
            T result = reader.read(response.code(), response.header("Content-Type", ""), response.body().byteStream());
            complete = true;
            return result;
        } finally {
            if (!complete) {
                // closing an unfinished body drains it for up to 100 ms to keep the connection; a failed
                // or abandoned stream (a throwing listener, an interrupt) is cut at once instead
                call.cancel();
            }
        }
    }

    private static String errorBody(Response response) {
        try {
            return response.peekBody(MAX_ERROR_BODY).string();
        } catch (IOException e) {
            return "(the error body could not be read: " + e.getMessage() + ")";
        }
    }
}
