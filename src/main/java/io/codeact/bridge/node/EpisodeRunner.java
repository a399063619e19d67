package io.codeact.bridge.node;

import io.codeact.bridge.agent.Agent;
import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.EpisodeResult;
import io.codeact.bridge.agent.Outcome;
import io.codeact.bridge.agent.TurnListener;
import io.codeact.bridge.eval.Task;
import io.codeact.bridge.llm.ChatModel;
import io.codeact.bridge.sandbox.SandboxEngine;
import io.codeact.bridge.sandbox.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Runs one episode as {@code codeact run} does: a fresh sandbox session, the robot's APIs bound into it,
 * the agent with the settings, the episode log, the task's success check, and the robot's final state
 * recorded. The controller node runs every goal through here. {@link #cancel()} may be called from any
 * thread, also before the episode has started.
 *
 * <pre>{@code
 * EpisodeRunner runner = new EpisodeRunner();
 * EpisodeResult r = runner.run(engine, new EpisodeRunner.Plan("Dock the robot.", null, model, "scripted:x.yaml",
 *         EpisodeSettings.DEFAULTS, robot, Path.of("episodes/dock.jsonl"), TurnListener.NONE));
 * }</pre>
 */
public final class EpisodeRunner {
    /**
     * What to run.
     *
     * @param goal the goal in words (a task's goal for a task)
     * @param task the task, or null for a free goal; its success check is evaluated at the end
     * @param model the chat model (fresh per episode for scripted and oracle models)
     * @param modelSpec the model spec as the user gave it, for the record
     * @param settings mode, turn limit, budgets, action timeout
     * @param robot the robot whose APIs the session exposes, or null for plain Python
     * @param logFile the episode log (its folder is created)
     * @param listener watches the episode as it happens
     */
    public record Plan(String goal, Task task, ChatModel model, String modelSpec, EpisodeSettings settings,
            RobotBinding robot, Path logFile, TurnListener listener) {
        public Plan {
            Objects.requireNonNull(goal, "goal");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(logFile, "logFile");
            listener = listener == null ? TurnListener.NONE : listener;
        }
    }

    private final Object lock = new Object();
    private Agent agent;
    private boolean cancelled;

    /**
     * Runs the plan to its end in a new session of {@code engine}.
     *
     * @return the result; {@link Outcome#INTERRUPTED} after {@link #cancel()}
     * @throws IOException if the episode log cannot be written
     */
    public EpisodeResult run(SandboxEngine engine, Plan plan) throws IOException {
        if (plan.logFile().getParent() != null) {
            Files.createDirectories(plan.logFile().getParent());
        }
        try (Session session = engine.openSession(plan.task() != null ? plan.task().id() : "episode");
                EpisodeLog log = EpisodeLog.open(plan.logFile())) {
            Agent a = Agent.create(c -> {
                c.model = plan.model();
                c.modelSpec = plan.modelSpec();
                c.session = session;
                plan.settings().applyTo(c);
                c.log = log;
                c.listener = plan.listener();
                if (plan.robot() != null) {
                    plan.robot().bindTo(session, c);
                }
                if (plan.task() != null) {
                    c.taskId = plan.task().id();
                    c.successCheck = plan.robot() == null ? null : plan.robot().successCheck(plan.task());
                }
                // A cancel that lands before the agent's loop has started would be lost (the loop starts afresh):
                // this step ends the episode at the end of the turn it was noticed in.
                c.addStep(turn -> {
                    if (isCancelled()) {
                        turn.end(Outcome.INTERRUPTED, null, "cancelled during turn " + turn.number());
                    }
                });
            });
            synchronized (lock) {
                if (cancelled) {
                    log.episodeStart(plan.goal(), plan.modelSpec() == null ? plan.model().name() : plan.modelSpec(),
                            plan.settings().mode(), plan.task() == null ? null : plan.task().id(), java.util.Map.of());
                    log.episodeEnd(Outcome.INTERRUPTED.wireName(), 0, null);
                    return new EpisodeResult(Outcome.INTERRUPTED, null, "cancelled before it started", 0, 0, 0, 0, 0, null,
                            log.file());
                }
                agent = a;
            }
            EpisodeResult result = a.run(plan.goal());
            if (plan.robot() != null) {
                plan.robot().recordFinalState(log);
            }
            return result;
        } finally {
            synchronized (lock) {
                agent = null;
            }
        }
    }

    /** Stops the episode: the model call or action in progress is interrupted. Idempotent. */
    public void cancel() {
        Agent a;
        synchronized (lock) {
            cancelled = true;
            a = agent;
        }
        if (a != null) {
            a.cancel();
        }
    }

    public boolean isCancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }
}
