package io.codeact.bridge.agent;

import io.codeact.bridge.llm.ChatMessage;
import io.codeact.bridge.sandbox.Param;
import io.codeact.bridge.sandbox.PyApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The CodeAct loop: the model writes an action, the session runs it, the observation goes back, until
 * the model answers or a limit is reached. Each turn is a chain of small {@link Step}s: build prompt →
 * call model → parse reply → run action → observe, then any steps added in the config.
 *
 * <pre>{@code
 * Agent agent = Agent.create(c -> {
 *     c.model = ChatModels.fromSpec("scripted:demo.yaml");
 *     c.session = session;            // with the robot APIs exposed
 *     c.apis.add(robotApi);           // documented in the system prompt
 *     c.log = EpisodeLog.open(path);
 * });
 * EpisodeResult r = agent.run("Dock the robot and report the battery level.");
 * r = agent.continueWith("No, the other dock.");   // chat: same session, same conversation
 * }</pre>
 *
 * One episode at a time per agent; {@link #cancel()} may be called from any thread.
 */
public final class Agent {
    private final AgentConfig config;
    private final ActionParser parser;
    private Episode episode;
    private volatile Thread running;
    private volatile boolean cancelled;

    private Agent(AgentConfig config) {
        this.config = config;
        Objects.requireNonNull(config.model, "AgentConfig.model is required");
        Objects.requireNonNull(config.session, "AgentConfig.session is required");
        this.parser = ActionParser.forMode(config.mode);
        config.session.expose(PyApi.function("finish", "End the episode and give the user your final answer.",
                List.of(Param.required("answer", "what to tell the user, as text")), args -> {
                    Turn turn = episode == null ? null : episode.current;
                    if (turn != null) {
                        turn.finishAnswer = String.valueOf(args.get("answer"));
                    }
                    return null;
                }));
    }

    public static Agent create(Consumer<AgentConfig> configure) {
        AgentConfig config = new AgentConfig();
        configure.accept(config);
        return new Agent(config);
    }

    public AgentConfig config() {
        return config;
    }

    /** Starts a new episode with this goal and runs it to its end. */
    public EpisodeResult run(String goal) {
        List<PyApi> documented = new ArrayList<>(config.apis);
        documented.add(PyApi.function("finish", "End the episode and give the user your final answer.",
                List.of(Param.required("answer", "what to tell the user, as text")), args -> null));
        String system = PromptBuilder.system(config.mode, documented, config.context, parser);
        episode = new Episode(config, parser, new Conversation(system, "Goal: " + goal.strip()), Instant.now(config.clock));
        config.guard.attach(config.log);
        episode.violationsBefore = config.guard.violations();
        if (config.log != null) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("max_turns", config.maxTurns);
            settings.put("token_budget", config.tokenBudget);
            settings.put("time_budget_s", config.timeBudget == null ? null : config.timeBudget.toSeconds());
            settings.put("model_name", config.model.name());
            settings.putAll(config.recordedSettings);
            config.log.episodeStart(goal, config.modelSpec == null ? config.model.name() : config.modelSpec,
                    config.mode, config.taskId, settings);
        }
        return loop(config.maxTurns);
    }

    /** Chat: the user's correction or next request, in the same session and conversation. */
    public EpisodeResult continueWith(String feedback) {
        if (episode == null) {
            return run(feedback);
        }
        episode.conversation.add(ChatMessage.user("Feedback from the user: " + feedback.strip()));
        return loop(episode.turns + config.maxTurns);
    }

    /** Stops the running episode: the model call or action in progress is interrupted. */
    public void cancel() {
        cancelled = true;
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
    }

    private EpisodeResult loop(int turnLimit) {
        cancelled = false;
        running = Thread.currentThread();
        RunAction runAction = new RunAction(episode);
        List<Step> steps = new ArrayList<>(List.of(
                new BuildPrompt(episode), new CallModel(episode), new ParseReply(episode), runAction,
                new Observe(episode, runAction)));
        steps.addAll(config.extraSteps);
        try {
            while (true) {
                Outcome limit = limitReached(turnLimit);
                if (limit != null) {
                    return finish(limit, null, limitDetail(limit));
                }
                Turn turn = new Turn(++episode.turns);
                episode.current = turn;
                for (Step step : steps) {
                    if (cancelled) {
                        return finish(Outcome.INTERRUPTED, null, "cancelled during turn " + turn.number());
                    }
                    try {
                        step.run(turn);
                    } catch (InterruptedException e) {
                        return finish(Outcome.INTERRUPTED, null, "cancelled during turn " + turn.number());
                    } catch (Exception e) {
                        if (cancelled) {
                            return finish(Outcome.INTERRUPTED, null, "cancelled during turn " + turn.number());
                        }
                        throw new IllegalStateException("step " + step.getClass().getSimpleName() + " failed in turn "
                                + turn.number() + ": " + e.getMessage(), e);
                    }
                    if (cancelled) {
                        return finish(Outcome.INTERRUPTED, null, "cancelled during turn " + turn.number());
                    }
                    if (turn.ended()) {
                        return finish(turn.outcome, turn.answer, turn.detail);
                    }
                }
            }
        } finally {
            running = null;
            Thread.interrupted();  // a cancel() that raced the end must not leak into the caller's next wait
            episode.current = null;
        }
    }

    private Outcome limitReached(int turnLimit) {
        if (episode.turns >= turnLimit) {
            return Outcome.MAX_TURNS;
        }
        if (config.tokenBudget > 0 && episode.tokens >= config.tokenBudget) {
            return Outcome.TOKEN_BUDGET;
        }
        if (config.timeBudget != null
                && Duration.between(episode.start, Instant.now(config.clock)).compareTo(config.timeBudget) >= 0) {
            return Outcome.TIME_BUDGET;
        }
        return null;
    }

    private String limitDetail(Outcome limit) {
        return switch (limit) {
            case MAX_TURNS -> "no answer after " + episode.turns + " turns (the limit)";
            case TOKEN_BUDGET -> episode.tokens + " tokens spent, budget " + config.tokenBudget;
            case TIME_BUDGET -> "the wall-clock budget of " + config.timeBudget.toSeconds() + " s was spent";
            default -> limit.wireName();
        };
    }

    private EpisodeResult finish(Outcome outcome, String answer, String detail) {
        config.guard.haltMotion("episode ended: " + outcome.wireName());
        if (config.guard != MotionGuard.NONE) {
            // every refusal counts, also those the code action caught
            episode.safetyViolations = Math.max(episode.safetyViolations,
                    config.guard.violations() - episode.violationsBefore);
        }
        Boolean success = config.successCheck == null ? null : config.successCheck.test(answer);
        EpisodeResult result = new EpisodeResult(outcome, answer, detail, episode.turns, episode.actions,
                episode.tokens, episode.errors, episode.safetyViolations, success,
                config.log == null ? null : config.log.file());
        if (config.log != null) {
            if (success == null) {
                config.log.episodeEnd(outcome.wireName(), episode.turns, answer);
            } else {
                config.log.episodeEnd(outcome.wireName(), episode.turns, answer, success);
            }
        }
        config.listener.onEnd(result);
        return result;
    }
}
