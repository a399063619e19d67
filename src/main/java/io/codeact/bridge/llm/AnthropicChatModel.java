package io.codeact.bridge.llm;

import io.codeact.bridge.llm.internal.AnthropicWire;
import io.codeact.bridge.llm.internal.Endpoint;
import io.codeact.bridge.llm.internal.Hosts;
import io.codeact.bridge.llm.internal.HttpExchange;
import io.codeact.bridge.llm.internal.ReplyStream;
import io.codeact.bridge.llm.internal.RetryLoop;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Claude model behind Anthropic's Messages API ({@code POST {base}/v1/messages}, API version
 * {@value #API_VERSION}). System messages become the top-level {@code system} field. Streams with
 * server-sent events by default. Thread-safe.
 */
final class AnthropicChatModel implements ChatModel {
    static final String ANTHROPIC_BASE = "https://api.anthropic.com";
    static final String API_VERSION = "2023-06-01";

    private final HttpExchange exchange;
    private final URI base;
    private final boolean stream;
    private final Map<String, String> headers;

    AnthropicChatModel(HttpExchange exchange, URI base, boolean stream) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.base = Objects.requireNonNull(base, "base");
        this.stream = stream;
        Map<String, String> builder = new LinkedHashMap<>();
        builder.put("anthropic-version", API_VERSION);
        builder.put("Accept", stream ? "text/event-stream" : "application/json");
        builder.put("User-Agent", "codeact-bridge");
        String key = exchange.endpoint().apiKey();
        if (key != null) {
            builder.put("x-api-key", key);
        }
        this.headers = Map.copyOf(builder);
    }

    /** Resolves base URL and key for {@code anthropic:} from the config and environment. */
    static AnthropicChatModel create(ModelSpec spec, ModelConfig config) {
        Setting baseSetting = Setting.first(config.baseUrl, "baseUrl", config.env, "ANTHROPIC_BASE_URL", ANTHROPIC_BASE);
        URI base = baseSetting.asBaseUrl(spec, ANTHROPIC_BASE);
        // the SDKs' base URL has no /v1; accept one anyway rather than post to /v1/v1/messages
        if (base.toString().endsWith("/v1")) {
            base = URI.create(base.toString().substring(0, base.toString().length() - 3));
        }
        Setting key = Setting.first(config.apiKey, "apiKey", config.env, "ANTHROPIC_API_KEY", null);
        if (key == null && !Hosts.isLocal(base)) {
            throw new ModelException(ModelException.Kind.CONFIG, spec + " needs an API key for " + base
                    + ": set ANTHROPIC_API_KEY (create one at https://console.anthropic.com/settings/keys)");
        }
        String where = base + " (from " + baseSetting.source() + ")";
        Endpoint.Advice advice = new Endpoint.Advice(
                "; see the model names at https://docs.anthropic.com/en/docs/about-claude/models",
                "the Messages API is served at /v1/messages under the base URL " + where + ", e.g. " + ANTHROPIC_BASE,
                "Check the network and that the base URL " + where + " is right");
        Endpoint endpoint = new Endpoint(spec.toString(), spec.target(), Setting.under(base, "v1/messages"),
                key == null ? null : key.value(), key == null ? null : key.source(), "ANTHROPIC_API_KEY", advice);
        RetryLoop retries = new RetryLoop(config.retryPolicy, config.sleeper);
        return new AnthropicChatModel(new HttpExchange(endpoint, retries, config.clock, config.timeouts()), base, config.stream);
    }

    @Override
    public String name() {
        return exchange.endpoint().spec() + " at " + base;
    }

    @Override
    public ChatReply complete(ChatRequest request, TokenListener onToken) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(onToken, "onToken");
        Endpoint endpoint = exchange.endpoint();
        byte[] body = AnthropicWire.requestBody(endpoint.model(), request, stream);
        return exchange.post(headers, body, (status, contentType, in) -> {
            ReplyStream out = new ReplyStream(request, onToken);
            // some servers and proxies answer a streaming request with one JSON body; take it as it comes
            boolean events = stream && !contentType.startsWith("application/json");
            return events ? AnthropicWire.readStream(status, in, endpoint, out) : AnthropicWire.readWhole(status, in, endpoint, out);
        });
    }

    @Override
    public String toString() {
        return name();
    }
}
