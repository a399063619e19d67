package io.codeact.bridge.cli;

import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.llm.ChatModels;
import picocli.CommandLine.Option;

/** The model flags shared by run, chat, eval and demo. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "SPEC", required = true,
            description = "openai:MODEL, ollama:MODEL, anthropic:MODEL, scripted:FILE, or oracle with --task (see docs/MODELS.md)")
    String spec;

    @Option(names = "--base-url", paramLabel = "URL", description = "the model endpoint (default from OPENAI_BASE_URL / ANTHROPIC_BASE_URL)")
    String baseUrl;

    @Option(names = "--no-stream", description = "ask the endpoint for whole replies instead of a stream")
    boolean noStream;

    ChatModel create() {
        return ChatModels.fromSpec(spec, c -> {
            if (baseUrl != null) {
                c.baseUrl(baseUrl);
            }
            if (noStream) {
                c.stream(false);
            }
        });
    }
}
