package io.codeact.bridge.llm;

import io.codeact.bridge.llm.internal.AnthropicWire;
import io.codeact.bridge.llm.internal.AttemptFailure;
import io.codeact.bridge.llm.internal.Endpoint;
import io.codeact.bridge.llm.internal.Hosts;
import io.codeact.bridge.llm.internal.HttpExchange;
import io.codeact.bridge.llm.internal.ReplyStream;
import io.codeact.bridge.llm.internal.RetryLoop;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Claude model behind Anthropic's Messages API ({@code POST {base}/v1/messages}, API version
 * {@value #API_VERSION}). System messages become the top-level {@code system} field. Streams with
 * server-sent events by default. Thread-safe.
 */
final class AnthropicChatModel extends HttpChatModel {
    static final String ANTHROPIC_BASE = "https://api.anthropic.com";
    static final String API_VERSION = "2023-06-01";

    AnthropicChatModel(HttpExchange exchange, URI base, boolean stream) {
        super(exchange, base, stream, headers(exchange, stream));
    }

    private static Map<String, String> headers(HttpExchange exchange, boolean stream) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("anthropic-version", API_VERSION);
        headers.put("Accept", stream ? "text/event-stream" : "application/json");
        headers.put("User-Agent", "codeact-bridge");
        String key = exchange.endpoint().apiKey();
        if (key != null) {
            headers.put("x-api-key", key);
        }
        return headers;
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
    byte[] requestBody(String model, ChatRequest request, boolean stream) {
        return AnthropicWire.requestBody(model, request, stream);
    }

    @Override
    ChatReply readStream(int status, InputStream in, Endpoint endpoint, ReplyStream out) throws AttemptFailure {
        return AnthropicWire.readStream(status, in, endpoint, out);
    }

    @Override
    ChatReply readWhole(int status, InputStream in, Endpoint endpoint, ReplyStream out) throws IOException, AttemptFailure {
        return AnthropicWire.readWhole(status, in, endpoint, out);
    }
}
