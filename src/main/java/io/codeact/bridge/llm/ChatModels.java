package io.codeact.bridge.llm;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes a {@link ChatModel} from a model spec ({@link ModelSpec}) and options ({@link ModelConfig}).
 *
 * <pre>{@code
 * ChatModel model = ChatModels.fromSpec("openai:gpt-4o-mini");                      // key from OPENAI_API_KEY
 * ChatModel local = ChatModels.fromSpec("openai:qwen", c -> c.baseUrl("http://localhost:8000/v1"));
 * }</pre>
 *
 * <p>Everything is checked here, before any request: the spec's form, base URLs, that a hosted
 * endpoint has a key, that a scripted file exists and is well formed. Failures are
 * {@link ModelException}s of kind {@link ModelException.Kind#CONFIG}.
 */
public final class ChatModels {
    private ChatModels() {
    }

    /** A model from a spec, with base URL and key from the environment. */
    public static ChatModel fromSpec(String spec) {
        return fromSpec(spec, config -> { });
    }

    public static ChatModel fromSpec(String spec, Consumer<ModelConfig> configure) {
        return fromSpec(ModelSpec.parse(spec), configure);
    }

    /**
     * @throws ModelException of kind {@link ModelException.Kind#CONFIG} when the spec cannot be served as configured
     */
    public static ChatModel fromSpec(ModelSpec spec, Consumer<ModelConfig> configure) {
        Objects.requireNonNull(spec, "spec");
        ModelConfig config = new ModelConfig();
        configure.accept(config);
        return switch (spec.provider()) {
            case OPENAI, OLLAMA -> OpenAiChatModel.create(spec, config);
            case ANTHROPIC -> AnthropicChatModel.create(spec, config);
            case SCRIPTED -> ScriptedChatModel.fromFile(scriptPath(spec));
            case ORACLE -> {
                if (config.oracle == null) {
                    throw new ModelException(ModelException.Kind.CONFIG, "the oracle model needs a task: it replays a task's "
                            + "reference solution, so run it with a task (codeact run --task ID --model oracle), not with a free goal");
                }
                yield config.oracle;
            }
        };
    }

    private static Path scriptPath(ModelSpec spec) {
        try {
            return Path.of(spec.target());
        } catch (InvalidPathException e) {
            throw new ModelException(ModelException.Kind.CONFIG, 0,
                    "model spec '" + spec + "': '" + spec.target() + "' is not a file path (" + e.getReason() + ")", e);
        }
    }
}
