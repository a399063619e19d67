package io.codeact.bridge.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codeact.bridge.llm.ModelException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatModelsTest {

    private static ChatModel fromSpec(String spec, Map<String, String> env) {
        return ChatModels.fromSpec(spec, config -> config.env(env));
    }

    private static ModelException configError(String spec, Map<String, String> env) {
        ModelException e = catchThrowableOfType(ModelException.class, () -> fromSpec(spec, env));
        assertThat(e.kind()).isEqualTo(Kind.CONFIG);
        return e;
    }

    @Test
    void negativeTimeoutIsRejectedNamingTheOption() {
        assertThatThrownBy(() -> ChatModels.fromSpec("ollama:qwen2.5-coder", config -> config.callTimeout(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("callTimeout must not be negative, got PT-1S; use Duration.ZERO for no limit");
    }

    @Test
    void openAiDefaultsToApiOpenAiComWithTheKeyFromTheEnvironment() {
        assertThat(fromSpec("openai:gpt-4o", Map.of("OPENAI_API_KEY", "sk-x")).name())
                .isEqualTo("openai:gpt-4o at https://api.openai.com/v1");
    }

    @Test
    void openAiWithoutAKeyForAHostedEndpointSaysWhatToSet() {
        assertThat(configError("openai:gpt-4o", Map.of())).hasMessage(
                "openai:gpt-4o needs an API key for https://api.openai.com/v1 (base URL from the default): set OPENAI_API_KEY. "
                        + "For a local OpenAI-compatible server (vLLM, llama.cpp, LM Studio) set OPENAI_BASE_URL instead, "
                        + "e.g. http://localhost:8000/v1, or use ollama:gpt-4o; if this server needs no key, set OPENAI_API_KEY to any text");
    }

    @Test
    void baseUrlComesFromOpenAiBaseUrl() {
        assertThat(fromSpec("openai:qwen2.5-coder", Map.of("OPENAI_BASE_URL", "http://localhost:8000/v1/")).name())
                .isEqualTo("openai:qwen2.5-coder at http://localhost:8000/v1");
    }

    @Test
    void optionsOverrideTheEnvironment() {
        ChatModel model = ChatModels.fromSpec("openai:m", config -> config
                .env(Map.of("OPENAI_BASE_URL", "https://api.openai.com/v1"))
                .baseUrl("http://127.0.0.1:1234/v1"));

        assertThat(model.name()).isEqualTo("openai:m at http://127.0.0.1:1234/v1");
    }

    @Test
    void serversOnThisMachineOrTheLanNeedNoKey() {
        for (String base : List.of("http://localhost:8080/v1", "http://192.168.1.20:8000/v1", "http://vllm:8000/v1",
                "http://gpu-box.local:1234/v1", "http://[::1]:8000/v1")) {
            assertThat(fromSpec("openai:m", Map.of("OPENAI_BASE_URL", base)).name()).isEqualTo("openai:m at " + base);
        }
    }

    @Test
    void hostedServersOtherThanOpenAiNeedAKeyToo() {
        assertThat(configError("openai:m", Map.of("OPENAI_BASE_URL", "https://api.together.xyz/v1")).getMessage())
                .startsWith("openai:m needs an API key for https://api.together.xyz/v1 (base URL from OPENAI_BASE_URL): set OPENAI_API_KEY");
    }

    @Test
    void badBaseUrlNamesWhereItCameFrom() {
        assertThat(configError("openai:m", Map.of("OPENAI_BASE_URL", "localhost:8000/v1"))).hasMessage(
                "openai:m: base URL 'localhost:8000/v1' (from OPENAI_BASE_URL) is not an http:// or https:// URL; "
                        + "write e.g. http://localhost:8000/v1");
    }

    @Test
    void ollamaDefaultsToLocalhostPort11434() {
        assertThat(fromSpec("ollama:llama3.1:8b", Map.of()).name()).isEqualTo("ollama:llama3.1:8b at http://localhost:11434/v1");
    }

    @Test
    void ollamaReadsOllamaHostAsOllamaDoes() {
        assertThat(fromSpec("ollama:m", Map.of("OLLAMA_HOST", "gpu-box")).name()).isEqualTo("ollama:m at http://gpu-box:11434/v1");
        assertThat(fromSpec("ollama:m", Map.of("OLLAMA_HOST", "0.0.0.0:9000")).name()).isEqualTo("ollama:m at http://0.0.0.0:9000/v1");
        assertThat(fromSpec("ollama:m", Map.of("OLLAMA_HOST", "https://ollama.example.com")).name())
                .isEqualTo("ollama:m at https://ollama.example.com/v1");
    }

    @Test
    void ollamaIgnoresOpenAiBaseUrl() {
        assertThat(fromSpec("ollama:m", Map.of("OPENAI_BASE_URL", "https://api.openai.com/v1")).name())
                .isEqualTo("ollama:m at http://localhost:11434/v1");
    }

    @Test
    void anthropicDefaultsToApiAnthropicCom() {
        assertThat(fromSpec("anthropic:claude-sonnet-4-5", Map.of("ANTHROPIC_API_KEY", "sk-ant-x")).name())
                .isEqualTo("anthropic:claude-sonnet-4-5 at https://api.anthropic.com");
    }

    @Test
    void anthropicWithoutAKeySaysWhatToSet() {
        assertThat(configError("anthropic:claude-sonnet-4-5", Map.of())).hasMessage(
                "anthropic:claude-sonnet-4-5 needs an API key for https://api.anthropic.com: set ANTHROPIC_API_KEY "
                        + "(create one at https://console.anthropic.com/settings/keys)");
    }

    @Test
    void anthropicBaseUrlComesFromAnthropicBaseUrl() {
        assertThat(fromSpec("anthropic:c", Map.of("ANTHROPIC_BASE_URL", "http://localhost:4000")).name())
                .isEqualTo("anthropic:c at http://localhost:4000");
    }

    @Test
    void oracleWithoutATaskIsAConfigError() {
        assertThat(configError("oracle", Map.of())).hasMessage("the oracle model needs a task: it replays a task's reference "
                + "solution, so run it with a task (codeact run --task ID --model oracle), not with a free goal");
    }

    @Test
    void oracleIsTheModelTheTaskProvides() {
        ChatModel oracle = ScriptedChatModel.of("oracle-for-pick-box", List.of("<execute>pick('box')</execute>"));

        assertThat(ChatModels.fromSpec("oracle", config -> config.oracle(oracle))).isSameAs(oracle);
    }

    @Test
    void badSpecIsAConfigError() {
        assertThat(configError("gpt-4o", Map.of()).getMessage()).startsWith("model spec 'gpt-4o' names no provider");
    }
}
