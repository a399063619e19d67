package io.codeact.bridge.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codeact.bridge.llm.ChatMessage;
import io.codeact.bridge.llm.ChatReply;
import io.codeact.bridge.llm.ChatRequest;
import io.codeact.bridge.llm.FinishReason;
import io.codeact.bridge.llm.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAI Chat Completions wire format ({@code POST /chat/completions}), as OpenAI, vLLM,
 * llama.cpp's server, LM Studio and Ollama speak it: the request body, a whole reply, and a stream of
 * {@code chat.completion.chunk} events ending in {@code data: [DONE]}.
 */
public final class OpenAiWire {
    private static final String END = "data: [DONE]";

    private OpenAiWire() {
    }

    /** The request body. Streams ask for usage in the last chunk ({@code stream_options.include_usage}). */
    public static byte[] requestBody(String model, ChatRequest request, boolean stream) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("model", model);
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.addObject().put("role", message.role().wireName()).put("content", message.text());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = root.putArray("stop");
            request.stop().forEach(stop::add);
        }
        request.maxTokens().ifPresent(tokens -> root.put("max_tokens", tokens));
        request.temperature().ifPresent(temperature -> root.put("temperature", temperature));
        root.put("stream", stream);
        if (stream) {
            root.putObject("stream_options").put("include_usage", true);
        }
        return Json.bytes(root);
    }

    /** A whole {@code chat.completion} object. */
    public static ChatReply readWhole(int status, InputStream in, Endpoint ep, ReplyStream out) throws IOException, AttemptFailure {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        JsonNode root = Failures.parseObject(ep, status, "a body", body);
        if (root.path("error").isObject() || root.path("error").isTextual()) {
            ServerErrorText error = ServerErrorText.from(body);
            throw Failures.errorInAnswer(ep, out, error.code(), error.message());
        }
        JsonNode choice = root.path("choices").path(0);
        if (!choice.path("message").isObject()) {
            throw Failures.malformed(ep, status, "JSON that has no choices[0].message", body, null);
        }
        JsonNode message = choice.path("message");
        String content = Json.textOrNull(message.get("content"));
        String refusal = Json.textOrNull(message.get("refusal"));
        out.accept(content != null ? content : refusal != null ? refusal : "");
        out.finish();
        FinishReason reason = refusal != null && content == null
                ? FinishReason.CONTENT_FILTER
                : finishReason(Json.textOrNull(choice.get("finish_reason")));
        return out.reply(reason, null, usage(root.path("usage")), modelOf(root, ep));
    }

    /** A stream of {@code chat.completion.chunk} events; usage may come in a last chunk with no choices. */
    public static ChatReply readStream(int status, InputStream in, Endpoint ep, ReplyStream out) throws AttemptFailure {
        SseReader events = new SseReader(in);
        String finish = null;
        TokenUsage usage = null;
        String model = ep.model();
        try {
            for (SseReader.Event event = events.next(); event != null; event = events.next()) {
                String data = event.data().strip();
                if (data.equals("[DONE]")) {
                    out.finish();
                    return out.reply(finishReason(finish), null, usage, model);
                }
                if (data.isEmpty()) {
                    continue;
                }
                JsonNode chunk = Failures.parseObject(ep, status, "a stream event", data);
                JsonNode error = chunk.get("error");
                if (error != null && !error.isNull()) {
                    ServerErrorText text = ServerErrorText.from(data);
                    throw Failures.errorInAnswer(ep, out, text.code(), text.message());
                }
                model = modelOf(chunk, ep, model);
                JsonNode choice = chunk.path("choices").path(0);
                String piece = Json.textOrNull(choice.path("delta").get("content"));
                if (piece != null && !out.accept(piece)) {
                    // the server ignored our stop sequence; stop reading as it should have stopped writing
                    out.finish();
                    return out.reply(FinishReason.STOP, null, usage, model);
                }
                String reason = Json.textOrNull(choice.get("finish_reason"));
                if (reason != null) {
                    finish = reason;
                }
                if (chunk.path("usage").isObject()) {
                    usage = usage(chunk.get("usage"));
                }
            }
        } catch (IOException e) {
            throw Failures.truncated(ep, out, END, e);
        }
        throw Failures.truncated(ep, out, END, null);
    }

    static FinishReason finishReason(String reason) {
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case "stop", "eos", "stop_sequence" -> FinishReason.STOP;
            case "length" -> FinishReason.MAX_TOKENS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    private static TokenUsage usage(JsonNode usage) {
        if (!usage.path("prompt_tokens").isNumber() || !usage.path("completion_tokens").isNumber()) {
            return null;
        }
        return TokenUsage.reported(usage.get("prompt_tokens").asInt(), usage.get("completion_tokens").asInt());
    }

    private static String modelOf(JsonNode root, Endpoint ep) {
        return modelOf(root, ep, ep.model());
    }

    private static String modelOf(JsonNode root, Endpoint ep, String fallback) {
        String model = Json.textOrNull(root.get("model"));
        return model == null || model.isBlank() ? fallback : model;
    }
}
