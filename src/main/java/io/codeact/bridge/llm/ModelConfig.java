package io.codeact.bridge.llm;

import io.codeact.bridge.llm.internal.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Options for {@link ChatModels#fromSpec(String, java.util.function.Consumer)}. Every option has a
 * default; base URL and API key fall back to the environment ({@code OPENAI_BASE_URL},
 * {@code OPENAI_API_KEY}, {@code ANTHROPIC_BASE_URL}, {@code ANTHROPIC_API_KEY}, {@code OLLAMA_HOST}).
 *
 * <pre>{@code
 * ChatModel model = ChatModels.fromSpec("openai:qwen2.5-coder", c -> c.baseUrl("http://gpu-box:8000/v1").maxAttempts(6));
 * }</pre>
 *
 * <p>Not thread-safe; it lives only while the factory runs.
 */
public final class ModelConfig {
    String baseUrl;
    String apiKey;
    Map<String, String> env = System.getenv();
    boolean stream = true;
    RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    Sleeper sleeper = Sleeper.SYSTEM;
    Clock clock = Clock.systemUTC();
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration readTimeout = Duration.ofMinutes(5);
    Duration callTimeout = Duration.ZERO;
    ChatModel oracle;

    ModelConfig() {
    }

    /**
     * The server's base URL, overriding the environment: e.g. {@code http://localhost:8000/v1} for an
     * OpenAI-compatible server ({@code /chat/completions} is appended) or {@code https://api.anthropic.com}
     * for Anthropic ({@code /v1/messages} is appended).
     */
    public ModelConfig baseUrl(String url) {
        this.baseUrl = url;
        return this;
    }

    /** The API key, overriding the environment. Never printed or logged. */
    public ModelConfig apiKey(String key) {
        this.apiKey = key;
        return this;
    }

    /** Where to read environment variables from; {@link System#getenv()} by default. */
    public ModelConfig env(Map<String, String> variables) {
        this.env = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        return this;
    }

    /**
     * Whether to ask the server to stream (server-sent events, the default) or to send the whole reply
     * at once. Either way the {@link TokenListener} receives the text; without streaming, in one piece.
     */
    public ModelConfig stream(boolean enabled) {
        this.stream = enabled;
        return this;
    }

    public ModelConfig retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Shorthand for {@code retryPolicy(retryPolicy.withMaxAttempts(attempts))}. */
    public ModelConfig maxAttempts(int attempts) {
        this.retryPolicy = retryPolicy.withMaxAttempts(attempts);
        return this;
    }

    /** How to wait between retries; tests pass one that records the waits. */
    public ModelConfig sleeper(Sleeper value) {
        this.sleeper = Objects.requireNonNull(value, "sleeper");
        return this;
    }

    /** The clock that dates in {@code Retry-After} headers are measured against. */
    public ModelConfig clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** How long to wait for a TCP (and TLS) connection; 10 s by default, {@link Duration#ZERO} for no limit. */
    public ModelConfig connectTimeout(Duration timeout) {
        this.connectTimeout = notNegative(timeout, "connectTimeout");
        return this;
    }

    /**
     * How long to wait for the next bytes of an answer; 5 minutes by default, because a local model
     * may load for a while and a non-streamed reply arrives only when it is complete.
     * {@link Duration#ZERO} means no limit.
     */
    public ModelConfig readTimeout(Duration timeout) {
        this.readTimeout = notNegative(timeout, "readTimeout");
        return this;
    }

    /**
     * The longest one attempt may take, from connecting to the last byte of the answer; no limit
     * ({@link Duration#ZERO}) by default, because a long streamed reply is normal. A retry gets the
     * whole time again.
     */
    public ModelConfig callTimeout(Duration timeout) {
        this.callTimeout = notNegative(timeout, "callTimeout");
        return this;
    }

    /** The model to use for the spec {@code oracle}: a task's reference solution replayed as replies. */
    public ModelConfig oracle(ChatModel model) {
        this.oracle = Objects.requireNonNull(model, "model");
        return this;
    }

    HttpExchange.Timeouts timeouts() {
        return new HttpExchange.Timeouts(connectTimeout, readTimeout, callTimeout);
    }

    private static Duration notNegative(Duration timeout, String option) {
        Objects.requireNonNull(timeout, option);
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(option + " must not be negative, got " + timeout + "; use Duration.ZERO for no limit");
        }
        return timeout;
    }
}
