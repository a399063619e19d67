package io.codeact.bridge.llm;

import io.codeact.bridge.llm.internal.AttemptFailure;
import io.codeact.bridge.llm.internal.Endpoint;
import io.codeact.bridge.llm.internal.Hosts;
import io.codeact.bridge.llm.internal.HttpExchange;
import io.codeact.bridge.llm.internal.OpenAiWire;
import io.codeact.bridge.llm.internal.ReplyStream;
import io.codeact.bridge.llm.internal.RetryLoop;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model behind an OpenAI-compatible Chat Completions endpoint ({@code POST {base}/chat/completions}):
 * OpenAI itself, vLLM, llama.cpp's server, LM Studio, and Ollama ({@code ollama:MODEL}). Streams with
 * server-sent events by default and asks for token usage in the last chunk. Thread-safe.
 */
final class OpenAiChatModel extends HttpChatModel {
    static final String OPENAI_BASE = "https://api.openai.com/v1";
    static final String OLLAMA_BASE = "http://localhost:11434/v1";

    OpenAiChatModel(HttpExchange exchange, URI base, boolean stream) {
        super(exchange, base, stream, headers(exchange, stream));
    }

    private static Map<String, String> headers(HttpExchange exchange, boolean stream) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", stream ? "text/event-stream" : "application/json");
        headers.put("User-Agent", "codeact-bridge");
        String key = exchange.endpoint().apiKey();
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        return headers;
    }

    /** Resolves base URL and key for {@code openai:} or {@code ollama:} from the config and environment. */
    static OpenAiChatModel create(ModelSpec spec, ModelConfig config) {
        boolean ollama = spec.provider() == ModelSpec.Provider.OLLAMA;
        Setting baseSetting = ollama
                ? Setting.first(config.baseUrl, "baseUrl", config.env, "OLLAMA_HOST", OLLAMA_BASE)
                : Setting.first(config.baseUrl, "baseUrl", config.env, "OPENAI_BASE_URL", OPENAI_BASE);
        if (baseSetting.source().equals("OLLAMA_HOST")) {
            baseSetting = new Setting(ollamaBase(baseSetting.value()), "OLLAMA_HOST");
        }
        URI base = baseSetting.asBaseUrl(spec, ollama ? OLLAMA_BASE : "http://localhost:8000/v1");
        // an OpenAI key is never sent to Ollama: it takes none, and the key is not its business
        Setting key = Setting.first(config.apiKey, "apiKey", config.env, ollama ? null : "OPENAI_API_KEY", null);
        if (key == null && !ollama && !Hosts.isLocal(base)) {
            throw new ModelException(ModelException.Kind.CONFIG, spec + " needs an API key for " + base + " (base URL from "
                    + baseSetting.source() + "): set OPENAI_API_KEY. For a local OpenAI-compatible server (vLLM, llama.cpp, "
                    + "LM Studio) set OPENAI_BASE_URL instead, e.g. http://localhost:8000/v1, or use ollama:" + spec.target()
                    + "; if this server needs no key, set OPENAI_API_KEY to any text");
        }
        String where = base + " (from " + baseSetting.source() + ")";
        Endpoint.Advice advice = new Endpoint.Advice(
                ollama ? "; pull it first with `ollama pull " + spec.target() + "`, or list the installed models with `ollama list`"
                        : "; the server lists the models it serves at " + Setting.under(base, "models"),
                "OpenAI-compatible servers serve it under /v1, e.g. http://localhost:8000/v1; the base URL here is " + where,
                ollama ? "Is Ollama running? Start it with `ollama serve`, or point OLLAMA_HOST or the base URL at where it runs"
                        : "Check that the server is running and that the base URL " + where + " is right");
        Endpoint endpoint = new Endpoint(spec.toString(), spec.target(), Setting.under(base, "chat/completions"),
                key == null ? null : key.value(), key == null ? null : key.source(), ollama ? null : "OPENAI_API_KEY", advice);
        RetryLoop retries = new RetryLoop(config.retryPolicy, config.sleeper);
        return new OpenAiChatModel(new HttpExchange(endpoint, retries, config.clock, config.timeouts()), base, config.stream);
    }

    /**
     * Ollama's base URL from {@code OLLAMA_HOST}, read as Ollama's own client reads it: {@code host} or
     * {@code host:port} means http on port 11434 unless given; {@code http://host} and {@code https://host}
     * mean that scheme's default port.
     */
    static String ollamaBase(String ollamaHost) {
        if (ollamaHost == null || ollamaHost.isBlank()) {
            return OLLAMA_BASE;
        }
        String host = ollamaHost.strip();
        int separator = host.indexOf("://");
        String scheme = separator < 0 ? "http" : host.substring(0, separator);
        host = separator < 0 ? host : host.substring(separator + 3);
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        if (separator < 0 && !host.matches(".*:\\d+")) {
            host = host + ":11434";
        }
        return scheme + "://" + host + "/v1";
    }

    @Override
    byte[] requestBody(String model, ChatRequest request, boolean stream) {
        return OpenAiWire.requestBody(model, request, stream);
    }

    @Override
    ChatReply readStream(int status, InputStream in, Endpoint endpoint, ReplyStream out) throws AttemptFailure {
        return OpenAiWire.readStream(status, in, endpoint, out);
    }

    @Override
    ChatReply readWhole(int status, InputStream in, Endpoint endpoint, ReplyStream out) throws IOException, AttemptFailure {
        return OpenAiWire.readWhole(status, in, endpoint, out);
    }
}
