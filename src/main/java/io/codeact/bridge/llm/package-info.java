/**
 * Chat models: the one interface the agent talks to ({@link io.codeact.bridge.llm.ChatModel}), its
 * request and reply records, and the clients behind it — any OpenAI-compatible Chat Completions server
 * (OpenAI, Ollama, vLLM, llama.cpp, LM Studio), Anthropic's Messages API, and a scripted model that
 * replays recorded replies for tests and the offline demo.
 *
 * <p>Pick one with a model spec: {@code ChatModels.fromSpec("ollama:qwen2.5-coder:7b")}. Streaming,
 * stop sequences, token usage, retries with backoff and {@code Retry-After}, and errors that say what to
 * do ({@link io.codeact.bridge.llm.ModelException}) are handled here, so the agent sees none of HTTP.
 * Wire formats and HTTP live in {@code llm.internal}, which nothing outside this package imports.
 * See {@code docs/MODELS.md}.
 */
package io.codeact.bridge.llm;
