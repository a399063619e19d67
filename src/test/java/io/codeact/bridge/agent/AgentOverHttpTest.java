package io.codeact.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.llm.ChatModels;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A whole episode against an OpenAI-compatible server speaking the real streamed wire format. */
class AgentOverHttpTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** An OpenAI streamed completion: one chunk per piece, then usage, then [DONE]. */
    private static MockResponse stream(String finishReason, int promptTokens, int completionTokens, String... pieces) throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder body = new StringBuilder();
        body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen2.5-coder\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        for (String piece : pieces) {
            body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen2.5-coder\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                    .append(json.writeValueAsString(piece)).append("},\"finish_reason\":null}]}\n\n");
        }
        body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen2.5-coder\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"")
                .append(finishReason).append("\"}]}\n\n");
        body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen2.5-coder\",\"choices\":[],\"usage\":{\"prompt_tokens\":")
                .append(promptTokens).append(",\"completion_tokens\":").append(completionTokens).append(",\"total_tokens\":")
                .append(promptTokens + completionTokens).append("}}\n\n");
        body.append("data: [DONE]\n\n");
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body.toString()).build();
    }

    @Test
    void streamsAnEpisodeFromAnOpenAiCompatibleServer() throws Exception {
        server.enqueue(stream("stop", 900, 40, "I will add them.\n<exe", "cute>\ntotal = sum([2, 3, 5])\n", "print(total)\n"));
        server.enqueue(stream("stop", 980, 12, "<solution>The sum is 10.</solution>"));
        ChatModel model = ChatModels.fromSpec("openai:qwen2.5-coder", c -> c.baseUrl(server.url("/v1").toString()).env(Map.of()));
        List<String> tokens = new ArrayList<>();
        try (SandboxEngine engine = SandboxEngine.create(c -> c.warmSessions = 0);
                Session session = engine.openSession("http")) {
            Agent agent = Agent.create(c -> {
                c.model = model;
                c.session = session;
                c.listener = new TurnListener() {
                    @Override
                    public void onToken(int turn, String piece) {
                        tokens.add(piece);
                    }
                };
            });
            EpisodeResult r = agent.run("Add 2, 3 and 5.");
            assertThat(r.outcome()).isEqualTo(Outcome.SOLVED);
            assertThat(r.answer()).isEqualTo("The sum is 10.");
            assertThat(r.tokens()).isEqualTo(900 + 40 + 980 + 12);
        }
        assertThat(String.join("", tokens)).startsWith("I will add them.\n<execute>\ntotal = sum");

        RecordedRequest first = server.takeRequest();
        JsonNode body1 = new ObjectMapper().readTree(first.getBody().utf8());
        assertThat(body1.get("model").asText()).isEqualTo("qwen2.5-coder");
        assertThat(body1.get("stream").asBoolean()).isTrue();
        assertThat(body1.get("stop").toString()).isEqualTo("[\"</execute>\"]");
        assertThat(body1.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body1.get("messages").get(0).get("content").asText()).contains("finish(answer)", "<execute>");
        assertThat(body1.get("messages").get(1).get("content").asText()).isEqualTo("Goal: Add 2, 3 and 5.");

        JsonNode body2 = new ObjectMapper().readTree(server.takeRequest().getBody().utf8());
        JsonNode messages = body2.get("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).get("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).get("content").asText()).endsWith("print(total)\n</execute>");
        assertThat(messages.get(3).get("content").asText()).startsWith("Observation (ok, ").endsWith("10\n");
    }
}
