package io.codeact.bridge.llm;

import static io.codeact.bridge.llm.Wire.events;
import static io.codeact.bridge.llm.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codeact.bridge.llm.ModelException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiChatModelTest {
    private static final String KEY = "sk-proj-test-5c1f9d";

    /** A whole chat.completion as OpenAI sends it. */
    private static final String COMPLETION = """
            {
              "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
              "object": "chat.completion",
              "created": 1741570283,
              "model": "gpt-4o-mini-2024-07-18",
              "choices": [
                {
                  "index": 0,
                  "message": {
                    "role": "assistant",
                    "content": "I will check the pose.\\n<execute>\\nprint(robot.pose())\\n",
                    "refusal": null,
                    "annotations": []
                  },
                  "logprobs": null,
                  "finish_reason": "stop"
                }
              ],
              "usage": {
                "prompt_tokens": 1117,
                "completion_tokens": 16,
                "total_tokens": 1133,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                  "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
              },
              "service_tier": "default",
              "system_fingerprint": "fp_06737a9306"
            }
            """;

    /** A stream of chat.completion.chunk events with include_usage, as OpenAI sends it. */
    private static final String STREAM = """
            data: {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_06737a9306","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_06737a9306","choices":[{"index":0,"delta":{"content":"Moving"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_06737a9306","choices":[{"index":0,"delta":{"content":" forward"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_06737a9306","choices":[{"index":0,"delta":{"content":".\\n<execute>\\nrobot.drive(0.5)\\n"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_06737a9306","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_06737a9306","choices":[],"usage":{"prompt_tokens":42,"completion_tokens":9,"total_tokens":51,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}

            data: [DONE]

            """;

    private static final ChatRequest REQUEST = ChatRequest.of(
                    ChatMessage.system("You control a robot. Act with <execute>...</execute>."),
                    ChatMessage.user("Drive forward half a metre."))
            .withStop("</execute>")
            .withMaxTokens(256)
            .withTemperature(0);

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
        return ChatModels.fromSpec("openai:gpt-4o-mini", config -> {
            config.baseUrl(server.url("/v1").toString())
                    .apiKey(KEY)
                    .env(Map.of())
                    .stream(stream)
                    .sleeper(sleeper)
                    .retryPolicy(RetryPolicy.DEFAULT.withoutJitter());
            more.accept(config);
        });
    }

    private String endpoint() {
        return "openai:gpt-4o-mini at " + server.url("/v1/chat/completions");
    }

    @Test
    void postsChatCompletionsWithModelMessagesStopMaxTokensTemperatureAndBearerKey() throws Exception {
        server.enqueue(json(200, COMPLETION));

        model(false).complete(REQUEST);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(Wire.body(request)).isEqualTo(Wire.parse("""
                {"model": "gpt-4o-mini",
                 "messages": [
                   {"role": "system", "content": "You control a robot. Act with <execute>...</execute>."},
                   {"role": "user", "content": "Drive forward half a metre."}],
                 "stop": ["</execute>"],
                 "max_tokens": 256,
                 "temperature": 0.0,
                 "stream": false}
                """));
    }

    @Test
    void readsWholeReplyTextFinishReasonUsageAndAnsweringModel() {
        server.enqueue(json(200, COMPLETION));

        ChatReply reply = model(false).complete(REQUEST, listener);

        assertThat(reply.text()).isEqualTo("I will check the pose.\n<execute>\nprint(robot.pose())\n");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.usage()).isEqualTo(TokenUsage.reported(1117, 16));
        assertThat(reply.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(listener.pieces).containsExactly(reply.text());
    }

    @Test
    void streamingRequestAsksForUsageInTheLastChunk() throws Exception {
        server.enqueue(events(STREAM));

        model(true).complete(REQUEST);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(Wire.body(request).get("stream").asBoolean()).isTrue();
        assertThat(Wire.body(request).get("stream_options")).isEqualTo(Wire.parse("{\"include_usage\": true}"));
    }

    @Test
    void streamsTokensToTheListenerInOrderAndReadsUsageFromTheLastChunk() {
        server.enqueue(events(STREAM));

        ChatReply reply = model(true).complete(REQUEST, listener);

        assertThat(listener.pieces).containsExactly("Moving", " forward", ".\n<execute>\nrobot.drive(0.5)\n");
        assertThat(reply.text()).isEqualTo("Moving forward.\n<execute>\nrobot.drive(0.5)\n");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.usage()).isEqualTo(TokenUsage.reported(42, 9));
        assertThat(reply.model()).isEqualTo("gpt-4o-mini-2024-07-18");
    }

    @Test
    void takesAWholeJsonAnswerToAStreamingRequest() {
        server.enqueue(json(200, COMPLETION));

        ChatReply reply = model(true).complete(REQUEST, listener);

        assertThat(reply.text()).startsWith("I will check the pose.");
        assertThat(reply.usage()).isEqualTo(TokenUsage.reported(1117, 16));
    }

    @Test
    void estimatesUsageWhenTheServerStreamsNone() {
        // llama.cpp and older vLLM/Ollama builds ignore stream_options
        server.enqueue(events("""
                data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"qwen2.5-coder","choices":[{"index":0,"delta":{"content":"Done."},"finish_reason":null}]}

                data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"qwen2.5-coder","choices":[{"index":0,"delta":{},"finish_reason":"length"}]}

                data: [DONE]

                """));

        ChatReply reply = model(true).complete(REQUEST);

        assertThat(reply.text()).isEqualTo("Done.");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
        assertThat(reply.usage().estimated()).isTrue();
        assertThat(reply.usage().completionTokens()).isEqualTo(2);
    }

    @Test
    void cutsTheStreamAtAStopSequenceWhenTheServerIgnoresIt() {
        server.enqueue(events("""
                data: {"choices":[{"index":0,"delta":{"content":"<execute>\\nrobot.stop()\\n</exe"},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{"content":"cute>\\nObservation: the robot stopped"},"finish_reason":null}]}

                data: [DONE]

                """));

        ChatReply reply = model(true).complete(REQUEST, listener);

        assertThat(reply.text()).isEqualTo("<execute>\nrobot.stop()\n");
        assertThat(listener.text()).isEqualTo(reply.text());
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.stopSequence()).contains("</execute>");
    }

    @Test
    void retriesARateLimitAfterTheWaitTheServerAskedFor() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
                .addHeader("Content-Type", "application/json")
                .body("""
                        {"error": {"message": "Rate limit reached for gpt-4o-mini in organization org-x on tokens per min (TPM): Limit 200000, Used 199800, Requested 900. Please try again in 2s.",
                                   "type": "tokens", "param": null, "code": "rate_limit_exceeded"}}
                        """).build());
        server.enqueue(json(200, COMPLETION));

        ChatReply reply = model(false).complete(REQUEST);

        assertThat(reply.text()).startsWith("I will check the pose.");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesAServerErrorAfterBackingOff() {
        server.enqueue(json(500, """
                {"error": {"message": "The server had an error while processing your request. Sorry about that!", "type": "server_error", "param": null, "code": null}}
                """));
        server.enqueue(events(STREAM));

        ChatReply reply = model(true).complete(REQUEST, listener);

        assertThat(reply.text()).startsWith("Moving forward.");
        assertThat(listener.text()).isEqualTo(reply.text());
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void givesUpAfterMaxAttemptsWithRateLimitedNamingEndpointStatusAndServerText() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(429, """
                    {"error": {"message": "Rate limit reached for requests", "type": "requests", "param": null, "code": "rate_limit_exceeded"}}
                    """));
        }

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e).hasMessage(endpoint() + " answered HTTP 429: Rate limit reached for requests (gave up after 4 attempts). "
                + "Wait a little and try again, send requests less often, or allow more attempts (maxAttempts)");
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void honoursTheConfiguredNumberOfAttempts() {
        server.enqueue(json(503, "{\"error\": {\"message\": \"Service Unavailable\", \"type\": \"server_error\"}}"));
        server.enqueue(json(503, "{\"error\": {\"message\": \"Service Unavailable\", \"type\": \"server_error\"}}"));

        ModelException e = catchThrowableOfType(ModelException.class,
                () -> model(false, config -> config.maxAttempts(2)).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.SERVER);
        assertThat(e.getMessage()).contains("HTTP 503: Service Unavailable (gave up after 2 attempts)");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void doesNotWaitLongerThanAllowedForRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600")
                .body("{\"error\": {\"message\": \"Rate limit reached\", \"code\": \"rate_limit_exceeded\"}}").build());

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.getMessage()).contains("(the server asked to retry after 3600.0 s, longer than the 60.0 s this client waits)");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void doesNotRetryAnExhaustedQuota() {
        server.enqueue(json(429, """
                {"error": {"message": "You exceeded your current quota, please check your plan and billing details.", "type": "insufficient_quota", "param": null, "code": "insufficient_quota"}}
                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.getMessage()).contains("retrying cannot help", "whose key is in the apiKey option");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusedKeyIsAnAuthErrorThatSaysWhichVariableToSet() {
        server.enqueue(json(401, """
                {"error": {"message": "Incorrect API key provided: sk-proj-****9d. You can find your API key at https://platform.openai.com/account/api-keys.", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}
                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> ChatModels.fromSpec("openai:gpt-4o-mini", config -> config
                .baseUrl(server.url("/v1").toString()).env(Map.of("OPENAI_API_KEY", KEY)).sleeper(sleeper)).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e).hasMessage(endpoint() + " answered HTTP 401: Incorrect API key provided: sk-proj-****9d. You can find "
                + "your API key at https://platform.openai.com/account/api-keys. The API key from OPENAI_API_KEY was refused: "
                + "set OPENAI_API_KEY to a valid key for this server");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void missingKeyRejectedByTheServerSaysToSetTheVariable() {
        server.enqueue(json(401, "{\"error\": {\"message\": \"You didn't provide an API key.\", \"type\": \"invalid_request_error\"}}"));

        ModelException e = catchThrowableOfType(ModelException.class, () -> ChatModels.fromSpec("openai:gpt-4o-mini",
                config -> config.baseUrl(server.url("/v1").toString()).env(Map.of())).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.getMessage()).endsWith("No API key was sent: set OPENAI_API_KEY");
    }

    @Test
    void neverPutsTheApiKeyIntoAnErrorMessage() {
        server.enqueue(json(401, "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + "\", \"code\": \"invalid_api_key\"}}"));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.getMessage()).doesNotContain(KEY).contains("Incorrect API key provided: ***");
    }

    @Test
    void unknownModelIsNotFoundAndSaysWhereModelsAreListed() {
        server.enqueue(json(404, """
                {"error": {"message": "The model `gpt-4o-mini` does not exist or you do not have access to it.", "type": "invalid_request_error", "param": null, "code": "model_not_found"}}
                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e).hasMessage(endpoint() + " answered HTTP 404: The model `gpt-4o-mini` does not exist or you do not have "
                + "access to it. Check the model name 'gpt-4o-mini'; the server lists the models it serves at "
                + server.url("/v1/models"));
    }

    @Test
    void notFoundWithoutAModelErrorPointsAtTheBaseUrl() {
        server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).contains("HTTP 404: 404 page not found",
                "No such API at this URL: OpenAI-compatible servers serve it under /v1");
    }

    @Test
    void overlongConversationIsAContextLengthError() {
        server.enqueue(json(400, """
                {"error": {"message": "This model's maximum context length is 128000 tokens. However, your messages resulted in 130542 tokens. Please reduce the length of the messages.", "type": "invalid_request_error", "param": "messages", "code": "context_length_exceeded"}}
                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.CONTEXT_LENGTH);
        assertThat(e.getMessage()).contains("HTTP 400: This model's maximum context length is 128000 tokens",
                "does not fit the context window of gpt-4o-mini");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void vllmsFlatErrorShapeIsUnderstood() {
        server.enqueue(json(400, """
                {"object": "error", "message": "This model's maximum context length is 4096 tokens. However, you requested 5120 tokens (4864 in the messages, 256 in the completion). Please reduce the length of the messages or completion.", "type": "BadRequestError", "param": null, "code": 400}
                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.CONTEXT_LENGTH);
        assertThat(e.getMessage()).contains("maximum context length is 4096 tokens");
    }

    @Test
    void otherRejectedRequestsAreBadRequests() {
        server.enqueue(json(400, """
                {"error": {"message": "Invalid value for 'temperature': must be between 0 and 2.", "type": "invalid_request_error", "param": "temperature", "code": "invalid_value"}}
                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("HTTP 400: Invalid value for 'temperature'");
    }

    @Test
    void streamCutMidwayIsTruncatedAndNotRetriedOnceTextWasShown() {
        String firstHalf = STREAM.substring(0, STREAM.indexOf("data: {\"id\":\"chatcmpl-7\"", STREAM.indexOf(" forward")));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(firstHalf + "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.comp")
                .build());

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(true).complete(REQUEST, listener));

        assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(e.getMessage()).startsWith(endpoint() + ": the streamed reply ended before data: [DONE] after 14 characters");
        assertThat(listener.text()).isEqualTo("Moving forward");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionDroppedDuringTheStreamIsTruncated() {
        String chunk = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"step \"},\"finish_reason\":null}]}\n\n";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(chunk.repeat(200) + "data: [DONE]\n\n")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(true).complete(REQUEST, listener));

        assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(e.getMessage()).contains("the streamed reply ended before data: [DONE]");
        assertThat(listener.text()).startsWith("step step ").hasSizeLessThan(200 * 5);
    }

    @Test
    void emptyStreamIsRetriedBecauseNothingWasShownYet() {
        server.enqueue(events(""));
        server.enqueue(events(STREAM));

        ChatReply reply = model(true).complete(REQUEST, listener);

        assertThat(reply.text()).startsWith("Moving forward.");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void bodyThatIsNotJsonIsMalformed() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><body>Welcome to nginx!</body></html>").build());

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).startsWith(endpoint() + " answered HTTP 200 with a body that is not JSON (Unexpected character ('<'")
                .contains("it begins: <html><body>Welcome to nginx!</body></html>",
                        "Check that the URL serves this API: OpenAI-compatible servers serve it under /v1");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void replyWithoutChoicesIsMalformed() {
        server.enqueue(json(200, "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"choices\": []}"));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(false).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("with JSON that has no choices[0].message");
    }

    @Test
    void streamEventThatIsNotJsonIsMalformed() {
        server.enqueue(events("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: {oops\n\n"));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(true).complete(REQUEST, listener));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("with a stream event that is not JSON", "it begins: {oops");
    }

    @Test
    void errorInsideTheStreamBeforeAnyTextIsRetried() {
        server.enqueue(events("data: {\"error\": {\"message\": \"Internal server error\", \"type\": \"internal_error\"}}\n\n"));
        server.enqueue(events(STREAM));

        ChatReply reply = model(true).complete(REQUEST);

        assertThat(reply.text()).startsWith("Moving forward.");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void stalledServerTimesOutAndIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(json(200, COMPLETION));

        ChatReply reply = model(false, config -> config.readTimeout(Duration.ofMillis(200))).complete(REQUEST);

        assertThat(reply.text()).startsWith("I will check the pose.");
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void unreachableServerIsANetworkErrorAfterRetries() throws IOException {
        String base = server.url("/v1").toString();
        server.close();

        ModelException e = catchThrowableOfType(ModelException.class, () -> ChatModels.fromSpec("openai:gpt-4o-mini", config -> config
                .baseUrl(base).env(Map.of()).sleeper(sleeper).maxAttempts(2)).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e.getMessage()).contains("could not connect", "(gave up after 2 attempts)",
                "Check that the server is running and that the base URL " + base + " (from the baseUrl option) is right");
    }

    @Test
    void aListenerThatThrowsAbortsTheCallWithItsOwnException() {
        server.enqueue(events(STREAM));
        IllegalStateException cancel = new IllegalStateException("user pressed Ctrl-C");

        assertThatThrownBy(() -> model(true).complete(REQUEST, piece -> {
            throw cancel;
        })).isSameAs(cancel);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void interruptingTheCallingThreadCancelsTheStream() {
        server.enqueue(events(STREAM));

        ModelException e = catchThrowableOfType(ModelException.class, () -> model(true).complete(REQUEST, piece -> {
            Thread.currentThread().interrupt();
        }));

        assertThat(Thread.interrupted()).isTrue();
        assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(e).hasMessage(endpoint() + ": the call was interrupted. Nothing more was read; ask again when ready");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusalIsReturnedAsTextWithContentFilterReason() {
        server.enqueue(json(200, """
                {"id": "chatcmpl-2", "object": "chat.completion", "model": "gpt-4o-2024-08-06",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": null, "refusal": "I can't help with that."},
                              "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 10, "completion_tokens": 7, "total_tokens": 17}}
                """));

        ChatReply reply = model(false).complete(REQUEST);

        assertThat(reply.text()).isEqualTo("I can't help with that.");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(reply.stopSequence()).isEqualTo(Optional.empty());
    }

    @Test
    void nameSaysSpecAndBaseUrl() {
        assertThat(model(true).name()).isEqualTo("openai:gpt-4o-mini at " + server.url("/v1"));
    }

    @Test
    void ollamaSpecNeverSendsTheOpenAiKey() throws Exception {
        server.enqueue(json(200, COMPLETION));

        ChatModels.fromSpec("ollama:qwen2.5-coder:7b", config -> config.baseUrl(server.url("/v1").toString())
                .env(Map.of("OPENAI_API_KEY", KEY)).stream(false)).complete(REQUEST);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(Wire.body(request).get("model").asText()).isEqualTo("qwen2.5-coder:7b");
    }

    @Test
    void ollamaUnknownModelSaysToPullIt() {
        server.enqueue(json(404, """
                {"error": {"message": "model \\"qwen9\\" not found, try pulling it first", "type": "api_error", "param": null, "code": null}}
                """));

        ModelException e = catchThrowableOfType(ModelException.class, () -> ChatModels.fromSpec("ollama:qwen9",
                config -> config.baseUrl(server.url("/v1").toString()).env(Map.of()).stream(false)).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).endsWith("Check the model name 'qwen9'; pull it first with `ollama pull qwen9`, "
                + "or list the installed models with `ollama list`");
    }

    @Test
    void requestWithoutOptionsSendsOnlyModelMessagesAndStream() throws Exception {
        server.enqueue(json(200, COMPLETION));

        model(false).complete(ChatRequest.of(List.of(ChatMessage.user("hi"))));

        assertThat(Wire.body(server.takeRequest())).isEqualTo(Wire.parse("""
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "stream": false}
                """));
    }
}
