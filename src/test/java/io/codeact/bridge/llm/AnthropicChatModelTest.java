package io.codeact.bridge.llm;

import static io.codeact.bridge.llm.Wire.events;
import static io.codeact.bridge.llm.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codeact.bridge.llm.ModelException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicChatModelTest {
    private static final String KEY = "sk-ant-api03-test-77aa";

    /** A whole message as the Messages API sends it. */
    private static final String MESSAGE = """
            {
              "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
              "type": "message",
              "role": "assistant",
              "model": "claude-sonnet-4-5-20250929",
              "content": [
                {"type": "text", "text": "Checking the gripper first.\\n<execute>\\nprint(gripper.state())\\n"}
              ],
              "stop_reason": "stop_sequence",
              "stop_sequence": "</execute>",
              "usage": {
                "input_tokens": 2095,
                "cache_creation_input_tokens": 0,
                "cache_read_input_tokens": 100,
                "output_tokens": 23,
                "service_tier": "standard"
              }
            }
            """;

    /** A message event stream, with a ping, as the Messages API sends it. */
    private static final String STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":472,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":2}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: ping
            data: {"type": "ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Opening"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" the gripper.\\n<execute>\\ngripper.open()\\n"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"stop_sequence","stop_sequence":"</execute>"},"usage":{"output_tokens":15}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    private static final ChatRequest REQUEST = ChatRequest.of(
                    ChatMessage.system("You control a robot arm."),
                    ChatMessage.system("Act with <execute>...</execute>."),
                    ChatMessage.user("Open the gripper."),
                    ChatMessage.assistant(""),
                    ChatMessage.user("Go on."))
            .withStop("</execute>")
            .withTemperature(0.2);

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatModel model(boolean stream) {
        return model(stream, config -> { });
    }

    private ChatModel model(boolean stream, Consumer<ModelConfig> more) {
        return ChatModels.fromSpec("anthropic:claude-sonnet-4-5", config -> {
            config.baseUrl(server.url("/").toString())
                    .env(Map.of("ANTHROPIC_API_KEY", KEY))
                    .stream(stream)
                    .sleeper(sleeper)
                    .retryPolicy(RetryPolicy.DEFAULT.withoutJitter());
            more.accept(config);
        });
    }

    private String endpoint() {
        return "anthropic:claude-sonnet-4-5 at " + server.url("/v1/messages");
    }

    @Test
    void postsMessagesWithTopLevelSystemStopSequencesDefaultMaxTokensAndApiKeyHeaders() throws Exception {
        server.enqueue(json(200, MESSAGE));

        model(false).complete(REQUEST);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(Wire.body(request)).isEqualTo(Wire.parse("""
                {"model": "claude-sonnet-4-5",
                 "max_tokens": 4096,
                 "system": "You control a robot arm.\\n\\nAct with <execute>...</execute>.",
                 "messages": [
                   {"role": "user", "content": "Open the gripper."},
                   {"role": "user", "content": "Go on."}],
                 "stop_sequences": ["</execute>"],
                 "temperature": 0.2,
                 "stream": false}
                """));
    }

    @Test
    void sendsTheRequestedMaxTokens() throws Exception {
        server.enqueue(json(200, MESSAGE));

        model(false).complete(REQUEST.withMaxTokens(300));

        assertThat(Wire.body(server.takeRequest()).get("max_tokens").asInt()).isEqualTo(300);
    }

    @Test
    void readsWholeMessageTextStopSequenceAndUsageIncludingCachedInput() {
        server.enqueue(json(200, MESSAGE));

        ChatReply reply = model(false).complete(REQUEST, listener);

        assertThat(reply.text()).isEqualTo("Checking the gripper first.\n<execute>\nprint(gripper.state())\n");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.stopSequence()).contains("</execute>");
        assertThat(reply.usage()).isEqualTo(TokenUsage.reported(2195, 23));
        assertThat(reply.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(listener.text()).isEqualTo(reply.text());
    }

    @Test
    void joinsTextBlocksAndSkipsOthers() {
        server.enqueue(json(200, """
                {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-opus-4-1-20250805",
                 "content": [{"type": "thinking", "thinking": "The arm is idle.", "signature": "EqQBCgIYAh"},
                             {"type": "text", "text": "First part. "},
                             {"type": "text", "text": "Second part."}],
                 "stop_reason": "max_tokens", "stop_sequence": null,
                 "usage": {"input_tokens": 10, "output_tokens": 300}}
                """));

        ChatReply reply = model(false).complete(REQUEST);

        assertThat(reply.text()).isEqualTo("First part. Second part.");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
        assertThat(reply.stopSequence()).isEmpty();
    }

    @Test
    void streamsTextDeltasInOrderAndReadsStopReasonAndUsage() throws Exception {
        server.enqueue(events(STREAM));

        ChatReply reply = model(true).complete(REQUEST, listener);

        assertThat(listener.pieces).containsExactly("Opening", " the gripper.\n<execute>\ngripper.open()\n");
        assertThat(reply.text()).isEqualTo("Opening the gripper.\n<execute>\ngripper.open()\n");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.stopSequence()).contains("</execute>");
        assertThat(reply.usage()).isEqualTo(TokenUsage.reported(472, 15));
        assertThat(reply.model()).isEqualTo("claude-sonnet-4-5-20250929");
        RecordedRequest request = server.takeRequest();
        assertThat(Wire.body(request).get("stream").asBoolean()).isTrue();
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void overloadedErrorEventBeforeAnyTextIsRetried() {
        server.enqueue(events("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_2","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":472,"output_tokens":1}}}

                event: error
                data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}

                """));
        server.enqueue(events(STREAM));

        ChatReply reply = model(true).complete(REQUEST, listener);

        assertThat(reply.text()).startsWith("Opening the gripper.");
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void errorEventAfterTextIsAServerErrorThatIsNotRetried() {
        server.enqueue(events(STREAM.substring(0, STREAM.indexOf("event: content_block_stop")) + """
                event: error
                data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}

                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(true).complete(REQUEST, listener));

        assertThat(e.kind()).isEqualTo(Kind.SERVER);
        assertThat(e).hasMessage(endpoint() + " answered with an error after 46 characters of reply: overloaded_error: "
                + "Overloaded. The server failed or is overloaded; try again later");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void streamWithoutMessageStopIsTruncated() {
        server.enqueue(events(STREAM.substring(0, STREAM.indexOf("event: message_delta"))));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(true).complete(REQUEST, listener));

        assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(e).hasMessage(endpoint() + ": the streamed reply ended before event: message_stop after 46 characters. "
                + "The text received so far is incomplete and was not retried, because it had already been delivered; ask again");
        assertThat(listener.text()).isEqualTo("Opening the gripper.\n<execute>\ngripper.open()\n");
    }

    @Test
    void overloaded529IsRetried() {
        server.enqueue(json(529, """
                {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}, "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy"}
                """));
        server.enqueue(json(200, MESSAGE));

        ChatReply reply = model(false).complete(REQUEST);

        assertThat(reply.text()).startsWith("Checking the gripper");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void rateLimitHonoursRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "7")
                .body("{\"type\": \"error\", \"error\": {\"type\": \"rate_limit_error\", \"message\": \"Number of request tokens has exceeded your per-minute rate limit\"}}")
                .build());
        server.enqueue(json(200, MESSAGE));

        model(false).complete(REQUEST);

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void invalidKeyIsAnAuthErrorThatSaysToSetAnthropicApiKey() {
        server.enqueue(json(401, """
                {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}, "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy"}
                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e).hasMessage(endpoint() + " answered HTTP 401: invalid x-api-key. "
                + "The API key from ANTHROPIC_API_KEY was refused: set ANTHROPIC_API_KEY to a valid key for this server");
    }

    @Test
    void unknownModelIsNotFound() {
        server.enqueue(json(404, """
                {"type": "error", "error": {"type": "not_found_error", "message": "model: claude-sonnet-4-5"}, "request_id": "req_1"}
                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e).hasMessage(endpoint() + " answered HTTP 404: model: claude-sonnet-4-5. Check the model name "
                + "'claude-sonnet-4-5'; see the model names at https://docs.anthropic.com/en/docs/about-claude/models");
    }

    @Test
    void promptTooLongIsAContextLengthError() {
        server.enqueue(json(400, """
                {"type": "error", "error": {"type": "invalid_request_error", "message": "prompt is too long: 208310 tokens > 200000 maximum"}}
                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.CONTEXT_LENGTH);
        assertThat(e.getMessage()).contains("HTTP 400: prompt is too long: 208310 tokens > 200000 maximum");
    }

    @Test
    void baseUrlEndingInV1IsNotDoubled() throws Exception {
        server.enqueue(json(200, MESSAGE));

        model(false, config -> config.baseUrl(server.url("/v1").toString())).complete(REQUEST);

        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/messages");
    }

    @Test
    void nameSaysSpecAndBaseUrl() {
        assertThat(model(true).name()).isEqualTo("anthropic:claude-sonnet-4-5 at " + server.url("/").toString().replaceAll("/$", ""));
    }
}
