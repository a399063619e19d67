package io.codeact.bridge.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which model to use, as written on the command line: {@code openai:MODEL}, {@code ollama:MODEL},
 * {@code anthropic:MODEL}, {@code scripted:FILE} or {@code oracle}. Only the first colon separates
 * the provider, so {@code ollama:qwen2.5-coder:7b} names the model {@code qwen2.5-coder:7b}.
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpec.parse("anthropic:claude-sonnet-4-5");   // provider ANTHROPIC, target claude-sonnet-4-5
 * }</pre>
 *
 * @param provider who serves the model
 * @param target   the model name, the scripted file's path, or empty for {@code oracle}
 */
public record ModelSpec(Provider provider, String target) {
    /** Who serves the model. */
    public enum Provider {
        /** Any OpenAI-compatible Chat Completions server: OpenAI, vLLM, llama.cpp, LM Studio, Ollama. */
        OPENAI("openai"),
        /** Ollama's OpenAI-compatible endpoint, by default at http://localhost:11434/v1. */
        OLLAMA("ollama"),
        /** Anthropic's Messages API. */
        ANTHROPIC("anthropic"),
        /** Recorded replies replayed from a file; not a live model. */
        SCRIPTED("scripted"),
        /** A task's reference solution replayed as code actions; needs a task. */
        ORACLE("oracle");

        private final String prefix;

        Provider(String prefix) {
            this.prefix = prefix;
        }

        /** How the spec spells this provider. */
        public String prefix() {
            return prefix;
        }
    }

    private static final String FORMS = "openai:MODEL, ollama:MODEL, anthropic:MODEL, scripted:FILE or oracle";

    public ModelSpec {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(target, "target");
    }

    /**
     * Reads a model spec.
     *
     * @throws ModelException of kind {@link ModelException.Kind#CONFIG} naming the bad spec and the accepted forms
     */
    public static ModelSpec parse(String text) {
        String spec = text == null ? "" : text.strip();
        if (spec.isEmpty()) {
            throw bad("model spec is empty; write " + FORMS);
        }
        if (spec.equalsIgnoreCase("oracle")) {
            return new ModelSpec(Provider.ORACLE, "");
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw bad("model spec '" + spec + "' names no provider; write " + FORMS
                    + " (e.g. openai:" + spec + " or ollama:" + spec + ")");
        }
        String prefix = spec.substring(0, colon).toLowerCase(Locale.ROOT);
        String target = spec.substring(colon + 1).strip();
        Provider provider = Arrays.stream(Provider.values())
                .filter(p -> p.prefix.equals(prefix))
                .findFirst()
                .orElseThrow(() -> bad("model spec '" + spec + "' has unknown provider '" + prefix + "'; known providers: "
                        + Arrays.stream(Provider.values()).map(Provider::prefix).collect(Collectors.joining(", "))
                        + " (write " + FORMS + ")"));
        if (provider == Provider.ORACLE) {
            throw bad("model spec '" + spec + "': oracle takes no argument; write just oracle (it replays the task given with --task)");
        }
        if (target.isEmpty()) {
            String what = provider == Provider.SCRIPTED ? "FILE" : "MODEL";
            throw bad("model spec '" + spec + "' names no " + what.toLowerCase(Locale.ROOT) + "; write " + prefix + ":" + what);
        }
        return new ModelSpec(provider, target);
    }

    private static ModelException bad(String message) {
        return new ModelException(ModelException.Kind.CONFIG, message);
    }

    /** The spec as it would be written: {@code ollama:llama3.1:8b}, {@code oracle}. */
    @Override
    public String toString() {
        return provider == Provider.ORACLE ? "oracle" : provider.prefix + ":" + target;
    }
}
