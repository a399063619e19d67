package io.codeact.bridge.llm.internal;

import java.net.URI;
import java.util.Objects;

/**
 * Where one model is served and how to talk about it in error messages. Holds the API key; its
 * {@link #toString()} and {@link #scrub(String)} keep the key out of every message.
 *
 * @param spec        the model spec as written, e.g. {@code openai:gpt-4o}
 * @param model       the model name sent to the server
 * @param url         the full URL requests are posted to
 * @param apiKey      the key sent, or null when none is
 * @param keySource   where the key came from ({@code OPENAI_API_KEY}, {@code the apiKey option}), or null
 * @param keyVariable the environment variable a user should set for this endpoint, or null when it takes none
 * @param advice      what to tell the user for the failures that depend on the kind of server
 */
public record Endpoint(String spec, String model, URI url, String apiKey, String keySource, String keyVariable, Advice advice) {

    /**
     * @param unknownModel appended to "check the model name": where to find valid names
     * @param wrongUrl     what to check when the URL serves no such API (404, an HTML page)
     * @param unreachable  what to check when no connection could be made
     */
    public record Advice(String unknownModel, String wrongUrl, String unreachable) {
    }

    public Endpoint {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(advice, "advice");
    }

    /** {@code openai:gpt-4o at https://api.openai.com/v1/chat/completions}. */
    public String describe() {
        return spec + " at " + url;
    }

    /** This text with every occurrence of the API key replaced by {@code ***}. */
    public String scrub(String text) {
        if (text == null || apiKey == null || apiKey.isBlank()) {
            return text;
        }
        return text.replace(apiKey, "***");
    }

    @Override
    public String toString() {
        return describe();
    }
}
