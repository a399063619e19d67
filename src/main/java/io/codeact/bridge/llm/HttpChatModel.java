package io.codeact.bridge.llm;

import io.codeact.bridge.llm.internal.AttemptFailure;
import io.codeact.bridge.llm.internal.Endpoint;
import io.codeact.bridge.llm.internal.HttpExchange;
import io.codeact.bridge.llm.internal.ReplyStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * What the HTTP model clients share: one {@link HttpExchange} (retries, timeouts, cancellation), the
 * request headers, and streamed-or-whole reading. A subclass says how its API family writes a request
 * and reads an answer. Thread-safe.
 */
abstract sealed class HttpChatModel implements ChatModel permits OpenAiChatModel, AnthropicChatModel {
    private final HttpExchange exchange;
    private final URI base;
    private final boolean stream;
    private final Map<String, String> headers;

    HttpChatModel(HttpExchange exchange, URI base, boolean stream, Map<String, String> headers) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.base = Objects.requireNonNull(base, "base");
        this.stream = stream;
        this.headers = Map.copyOf(headers);
    }

    abstract byte[] requestBody(String model, ChatRequest request, boolean stream);

    abstract ChatReply readStream(int status, InputStream in, Endpoint endpoint, ReplyStream out) throws AttemptFailure;

    abstract ChatReply readWhole(int status, InputStream in, Endpoint endpoint, ReplyStream out)
            throws IOException, AttemptFailure;

    @Override
    public final String name() {
        return exchange.endpoint().spec() + " at " + base;
    }

    @Override
    public final ChatReply complete(ChatRequest request, TokenListener onToken) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(onToken, "onToken");
        Endpoint endpoint = exchange.endpoint();
        byte[] body = requestBody(endpoint.model(), request, stream);
        return exchange.post(headers, body, (status, contentType, in) -> {
            ReplyStream out = new ReplyStream(request, onToken);
            // some servers and proxies answer a streaming request with one JSON body; take it as it comes
            boolean events = stream && !contentType.startsWith("application/json");
            return events ? readStream(status, in, endpoint, out) : readWhole(status, in, endpoint, out);
        });
    }

    @Override
    public final String toString() {
        return name();
    }
}
