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
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic's Messages API wire format ({@code POST /v1/messages}): the request body, a whole
 * {@code message}, and its event stream ({@code message_start}, {@code content_block_delta},
 * {@code message_delta}, {@code message_stop}, {@code ping}, {@code error}).
 */
public final class AnthropicWire {
    /** Anthropic requires {@code max_tokens}; this is sent when the request sets none. */
    public static final int DEFAULT_MAX_TOKENS = 4096;
    private static final String END = "event: message_stop";

    private AnthropicWire() {
    }

    /**
     * The request body. System messages become the top-level {@code system} field, joined by blank
     * lines; messages with empty text are left out, because the API rejects empty text blocks.
     */
    public static byte[] requestBody(String model, ChatRequest request, boolean stream) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("model", model);
        root.put("max_tokens", request.maxTokens().orElse(DEFAULT_MAX_TOKENS));
        List<String> system = new ArrayList<>();
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (ChatMessage message : request.messages()) {
            if (message.role() == ChatMessage.Role.SYSTEM) {
                system.add(message.text());
            } else if (!message.text().isEmpty()) {
                messages.addObject().put("role", message.role().wireName()).put("content", message.text());
            }
        }
        if (!system.isEmpty()) {
            root.put("system", String.join("\n\n", system));
        }
        root.set("messages", messages);
        if (!request.stop().isEmpty()) {
            ArrayNode stop = root.putArray("stop_sequences");
            request.stop().forEach(stop::add);
        }
        request.temperature().ifPresent(temperature -> root.put("temperature", temperature));
        root.put("stream", stream);
        return Json.bytes(root);
    }

    /** A whole {@code message} object; its text blocks are joined, other blocks (thinking, tool use) skipped. */
    public static ChatReply readWhole(int status, InputStream in, Endpoint ep, ReplyStream out) throws IOException, AttemptFailure {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        JsonNode root = Failures.parseObject(ep, status, "a body", body);
        if ("error".equals(Json.textOrNull(root.get("type")))) {
            throw errorEvent(root, ep, out);
        }
        if (!root.path("content").isArray()) {
            throw Failures.malformed(ep, status, "JSON that has no content array", body, null);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : root.get("content")) {
            if ("text".equals(Json.textOrNull(block.get("type")))) {
                text.append(block.path("text").asText(""));
            }
        }
        out.accept(text.toString());
        out.finish();
        JsonNode usage = root.path("usage");
        TokenUsage counts = usage.path("input_tokens").isNumber() && usage.path("output_tokens").isNumber()
                ? TokenUsage.reported(inputTokens(usage), usage.get("output_tokens").asInt())
                : null;
        return out.reply(finishReason(Json.textOrNull(root.get("stop_reason"))), Json.textOrNull(root.get("stop_sequence")),
                counts, modelOf(root, ep.model()));
    }

    /** The event stream, up to {@code message_stop}. */
    public static ChatReply readStream(int status, InputStream in, Endpoint ep, ReplyStream out) throws AttemptFailure {
        SseReader events = new SseReader(in);
        String model = ep.model();
        String stopReason = null;
        String stopSequence = null;
        int input = -1;
        int output = -1;
        try {
            for (SseReader.Event event = events.next(); event != null; event = events.next()) {
                if (event.data().isBlank()) {
                    continue;
                }
                JsonNode data = Failures.parseObject(ep, status, "a stream event", event.data());
                String type = Json.textOrNull(data.get("type"));
                switch (type == null ? event.type() : type) {
                    case "message_start" -> {
                        JsonNode message = data.path("message");
                        model = modelOf(message, model);
                        if (message.path("usage").path("input_tokens").isNumber()) {
                            input = inputTokens(message.get("usage"));
                        }
                        output = message.path("usage").path("output_tokens").asInt(output);
                    }
                    case "content_block_start" -> {
                        JsonNode block = data.path("content_block");
                        String text = "text".equals(Json.textOrNull(block.get("type"))) ? block.path("text").asText("") : "";
                        if (!text.isEmpty() && !out.accept(text)) {
                            return stoppedEarly(out, model);
                        }
                    }
                    case "content_block_delta" -> {
                        JsonNode delta = data.path("delta");
                        if ("text_delta".equals(Json.textOrNull(delta.get("type"))) && !out.accept(delta.path("text").asText(""))) {
                            return stoppedEarly(out, model);
                        }
                    }
                    case "message_delta" -> {
                        JsonNode delta = data.path("delta");
                        String reason = Json.textOrNull(delta.get("stop_reason"));
                        stopReason = reason != null ? reason : stopReason;
                        String sequence = Json.textOrNull(delta.get("stop_sequence"));
                        stopSequence = sequence != null ? sequence : stopSequence;
                        JsonNode usage = data.path("usage");
                        output = usage.path("output_tokens").asInt(output);
                        if (usage.path("input_tokens").isNumber()) {
                            input = inputTokens(usage);
                        }
                    }
                    case "message_stop" -> {
                        out.finish();
                        TokenUsage usage = input >= 0 && output >= 0 ? TokenUsage.reported(input, output) : null;
                        return out.reply(finishReason(stopReason), stopSequence, usage, model);
                    }
                    case "error" -> throw errorEvent(data, ep, out);
                    default -> {
                        // ping, content_block_stop, and event types added to the API later
                    }
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
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.MAX_TOKENS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /** Input tokens including those written to and read from the prompt cache: all of them were sent. */
    private static int inputTokens(JsonNode usage) {
        return usage.path("input_tokens").asInt() + usage.path("cache_creation_input_tokens").asInt(0)
                + usage.path("cache_read_input_tokens").asInt(0);
    }

    private static ChatReply stoppedEarly(ReplyStream out, String model) {
        // the server went past one of our stop sequences; stop reading as it should have stopped writing
        out.finish();
        return out.reply(FinishReason.STOP, null, null, model);
    }

    private static AttemptFailure errorEvent(JsonNode root, Endpoint ep, ReplyStream out) {
        JsonNode error = root.path("error");
        return Failures.errorInAnswer(ep, out, error.path("type").asText(""), error.path("message").asText(root.toString()));
    }

    private static String modelOf(JsonNode node, String fallback) {
        String model = Json.textOrNull(node.get("model"));
        return model == null || model.isBlank() ? fallback : model;
    }
}
