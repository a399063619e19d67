package io.codeact.bridge.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's own words from an error body, in the shapes servers use: OpenAI and llama.cpp
 * {@code {"error":{"message","type","code"}}}, Anthropic {@code {"type":"error","error":{"type","message"}}},
 * vLLM {@code {"object":"error","message","type"}}, FastAPI {@code {"detail"}}, a bare
 * {@code {"error":"..."}}, or plain text and HTML from a proxy.
 *
 * @param message what the server said, one line, at most {@value #MAX_CHARS} characters, no final period; may be empty
 * @param code    its machine-readable code or type (e.g. {@code context_length_exceeded}, {@code not_found_error}), or empty
 */
public record ServerErrorText(String message, String code) {
    static final int MAX_CHARS = 500;

    public static ServerErrorText from(String body) {
        if (body == null || body.isBlank()) {
            return new ServerErrorText("", "");
        }
        try {
            JsonNode root = Json.parse(body);
            if (root.isObject()) {
                return fromJson(root);
            }
        } catch (JsonProcessingException e) {
            // not JSON: a proxy's text or HTML page; its first words are still the best clue
        }
        return new ServerErrorText(oneLine(body.replaceAll("<[^>]*>", " ")), "");
    }

    private static ServerErrorText fromJson(JsonNode root) {
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            return new ServerErrorText(oneLine(error.asText()), "");
        }
        JsonNode holder = error.isObject() ? error : root;
        String message = firstText(holder, "message", "detail", "msg");
        if (message == null && root.path("detail").isArray()) {
            message = root.path("detail").toString();
        }
        String code = firstText(holder, "code", "type");
        if (code == null || code.equals("error")) {
            code = firstText(holder, "type");
        }
        return new ServerErrorText(oneLine(message == null ? root.toString() : message), code == null ? "" : code);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = Json.textOrNull(node.get(field));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Whitespace collapsed, at most {@value #MAX_CHARS} characters, no final period. */
    static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        if (line.length() > MAX_CHARS) {
            line = line.substring(0, MAX_CHARS) + "…";
        }
        while (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line;
    }
}
