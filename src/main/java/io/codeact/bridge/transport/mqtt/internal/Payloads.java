package io.codeact.bridge.transport.mqtt.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.transport.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * MQTT payload types: {@code json} (a JSON object ⇄ a field map), {@code raw} (the bytes under
 * {@code "data"}) and {@code text} (UTF-8 text under {@code "text"}, for devices that publish plain
 * {@code ON}/{@code 21.5}).
 */
public final class Payloads {
    public static final String JSON = "json";
    public static final String RAW = "raw";
    public static final String TEXT = "text";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final com.fasterxml.jackson.databind.ObjectReader MAP_READER = MAPPER.readerFor(MAP);

    private Payloads() {}

    /** Null if the type is known, else what is wrong. */
    public static String problemWithType(String type) {
        return JSON.equals(type) || RAW.equals(type) || TEXT.equals(type) ? null
                : "unknown MQTT payload type '" + type + "'; use json, raw or text";
    }

    public static byte[] encode(String topic, String type, Map<String, ?> fields) {
        switch (type) {
            case JSON -> {
                try {
                    return MAPPER.writeValueAsBytes(fields);
                } catch (JsonProcessingException e) {
                    throw new TransportException("cannot encode the message for " + topic + " as JSON: " + e.getOriginalMessage()
                            + "; fields must be numbers, strings, booleans, lists or maps", e);
                }
            }
            case RAW -> {
                Object data = fields.get("data");
                if (data instanceof byte[] bytes) {
                    return bytes;
                }
                if (data instanceof String text) {
                    return text.getBytes(StandardCharsets.UTF_8);
                }
                throw new TransportException("a raw message for " + topic + " carries its bytes under the key \"data\" (byte[] or String), got "
                        + (data == null ? "no \"data\"" : data.getClass().getSimpleName()));
            }
            case TEXT -> {
                Object text = fields.get("text");
                if (text == null) {
                    throw new TransportException("a text message for " + topic + " carries its text under the key \"text\", got none");
                }
                return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
            }
            default -> throw new TransportException(problemWithType(type) + " (publishing to " + topic + ")");
        }
    }

    /** Decodes a payload. @throws PayloadException saying why it is not of {@code type} */
    public static Map<String, Object> decode(String type, byte[] payload) {
        switch (type) {
            case JSON -> {
                if (payload.length == 0) {
                    throw new PayloadException("empty payload, expected a JSON object");
                }
                try {
                    // The common case, a JSON object, is read straight into a map (no intermediate tree).
                    int first = firstNonBlank(payload);
                    if (first >= 0 && payload[first] == '{') {
                        return MAP_READER.readValue(payload);
                    }
                    Object value = MAPPER.readValue(payload, Object.class);
                    if (value instanceof Map<?, ?>) {
                        return MAPPER.convertValue(value, MAP); // an object after a byte order mark
                    }
                    throw new PayloadException("expected a JSON object, got a JSON " + kind(value) + ": " + preview(payload));
                } catch (IOException e) {
                    String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                    throw new PayloadException("malformed JSON (" + firstLine(reason) + "): " + preview(payload));
                }
            }
            case RAW -> {
                return Map.of("data", payload);
            }
            case TEXT -> {
                return Map.of("text", new String(payload, StandardCharsets.UTF_8));
            }
            default -> throw new PayloadException(problemWithType(type));
        }
    }

    private static int firstNonBlank(byte[] payload) {
        for (int i = 0; i < payload.length; i++) {
            byte b = payload[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof java.util.List<?>) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        return value instanceof Boolean ? "boolean" : value.getClass().getSimpleName();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** The start of a payload as text, for error messages. */
    public static String preview(byte[] payload) {
        int n = Math.min(payload.length, 80);
        String text = new String(payload, 0, n, StandardCharsets.UTF_8).replace("\n", "\\n");
        return "'" + text + (payload.length > n ? "…' (" + payload.length + " bytes)" : "'");
    }

    /** A payload that is not of the expected type. */
    public static final class PayloadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PayloadException(String message) {
            super(message);
        }
    }
}
