package io.codeact.bridge.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeact.bridge.llm.ModelSpec.Provider;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

    @Test
    void readsEachProvider() {
        assertThat(ModelSpec.parse("openai:gpt-4o")).isEqualTo(new ModelSpec(Provider.OPENAI, "gpt-4o"));
        assertThat(ModelSpec.parse("ollama:llama3.1")).isEqualTo(new ModelSpec(Provider.OLLAMA, "llama3.1"));
        assertThat(ModelSpec.parse("anthropic:claude-sonnet-4-5")).isEqualTo(new ModelSpec(Provider.ANTHROPIC, "claude-sonnet-4-5"));
        assertThat(ModelSpec.parse("scripted:demos/pick.yaml")).isEqualTo(new ModelSpec(Provider.SCRIPTED, "demos/pick.yaml"));
        assertThat(ModelSpec.parse("oracle")).isEqualTo(new ModelSpec(Provider.ORACLE, ""));
    }

    @Test
    void onlyTheFirstColonSeparatesTheProvider() {
        assertThat(ModelSpec.parse("ollama:qwen2.5-coder:7b").target()).isEqualTo("qwen2.5-coder:7b");
        assertThat(ModelSpec.parse("scripted:C:\\demo.yaml").target()).isEqualTo("C:\\demo.yaml");
    }

    @Test
    void providerIsCaseInsensitiveAndSurroundingSpaceIgnored() {
        assertThat(ModelSpec.parse("  OpenAI:gpt-4o ")).isEqualTo(new ModelSpec(Provider.OPENAI, "gpt-4o"));
        assertThat(ModelSpec.parse("ORACLE").provider()).isEqualTo(Provider.ORACLE);
    }

    @Test
    void printsAsWritten() {
        assertThat(ModelSpec.parse("ollama:qwen2.5-coder:7b")).hasToString("ollama:qwen2.5-coder:7b");
        assertThat(ModelSpec.parse("oracle")).hasToString("oracle");
    }

    @Test
    void specWithoutProviderSuggestsOne() {
        assertThatThrownBy(() -> ModelSpec.parse("gpt-4o"))
                .isInstanceOf(ModelException.class)
                .hasMessage("model spec 'gpt-4o' names no provider; write openai:MODEL, ollama:MODEL, anthropic:MODEL, "
                        + "scripted:FILE or oracle (e.g. openai:gpt-4o or ollama:gpt-4o)");
    }

    @Test
    void unknownProviderListsTheKnownOnes() {
        assertThatThrownBy(() -> ModelSpec.parse("azure:gpt-4o"))
                .hasMessage("model spec 'azure:gpt-4o' has unknown provider 'azure'; known providers: openai, ollama, "
                        + "anthropic, scripted, oracle (write openai:MODEL, ollama:MODEL, anthropic:MODEL, scripted:FILE or oracle)");
    }

    @Test
    void missingModelOrFileIsNamed() {
        assertThatThrownBy(() -> ModelSpec.parse("openai:")).hasMessage("model spec 'openai:' names no model; write openai:MODEL");
        assertThatThrownBy(() -> ModelSpec.parse("scripted: ")).hasMessage("model spec 'scripted:' names no file; write scripted:FILE");
    }

    @Test
    void emptySpecIsRejected() {
        assertThatThrownBy(() -> ModelSpec.parse(" "))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model spec is empty; write openai:MODEL");
    }

    @Test
    void oracleTakesNoArgument() {
        assertThatThrownBy(() -> ModelSpec.parse("oracle:pick-box")).hasMessageContaining("oracle takes no argument");
    }

    @Test
    void errorsAreConfigErrors() {
        assertThatThrownBy(() -> ModelSpec.parse("nope"))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.CONFIG));
    }
}
