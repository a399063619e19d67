package io.codeact.bridge.agent;

import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link Agent} needs: the model, the session its code runs in, the action mode, the APIs the
 * prompt documents, budgets, and where to record and report. Set the public fields in
 * {@code Agent.create(c -> ...)}; {@code model} and {@code session} are required.
 */
public final class AgentConfig {
    /** The chat model. */
    public ChatModel model;
    /** The model spec string as the user gave it, for the record (e.g. {@code openai:gpt-4o}). */
    public String modelSpec;
    /** The session code actions run in; the agent exposes {@code finish} in it. */
    public Session session;
    /** {@code code} (default), {@code json} or {@code text}. */
    public String mode = "code";
    /** APIs exposed in the session, documented in the system prompt (exposing them is the caller's job). */
    public final List<PyApi> apis = new ArrayList<>();
    /** Extra system-prompt text: the world, the robot, conventions. */
    public String context = "";
    /** Turn limit per episode. */
    public int maxTurns = 12;
    /** Prompt + completion tokens per episode; 0 for no limit. */
    public long tokenBudget = 0;
    /** Wall-clock budget per episode; null for no limit. */
    public Duration timeBudget;
    /** Wall-clock limit of one code action; null for the session engine's default. */
    public Duration actionTimeout;
    /** Estimated tokens the conversation may use before old observations are shortened. */
    public int contextTokens = 24_000;
    /** Characters of one observation kept; longer ones keep their head and tail with a marker. */
    public int observationChars = 6_000;
    /** Where the episode is recorded; null for no record. */
    public EpisodeLog log;
    /** Task id for the record, if the goal comes from a task. */
    public String taskId;
    public TurnListener listener = TurnListener.NONE;
    /** The safety layer in front of the robot APIs: audit, refusal count, halting motion. */
    public MotionGuard guard = MotionGuard.NONE;
    /** What happened in the world during an action (telemetry, safety events), added to observations. */
    public final List<ObservationSource> observationSources = new ArrayList<>();
    /** Steps run after the built-in ones, in order, every turn. */
    public final List<Step> extraSteps = new ArrayList<>();
    public Clock clock = Clock.systemUTC();
    /**
     * The task's success check, given the final answer (null when none): evaluated when the episode ends
     * and recorded in its last line. Null when the goal has no check.
     */
    public java.util.function.Predicate<String> successCheck;
    /** Extra settings recorded in the episode's start record, e.g. the world and its seed. */
    public final java.util.Map<String, Object> recordedSettings = new java.util.LinkedHashMap<>();

    public AgentConfig addStep(Step step) {
        extraSteps.add(step);
        return this;
    }
}
