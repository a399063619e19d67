package io.codeact.bridge.node;

import io.codeact.bridge.agent.AgentConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one episode, as {@code codeact run}'s flags and a node's options give them.
 *
 * @param mode {@code code}, {@code json} or {@code text}
 * @param maxTurns turn limit
 * @param tokenBudget prompt + completion tokens; 0 = no limit
 * @param timeBudget wall-clock budget, or null for none
 * @param actionTimeout wall-clock limit of one code action
 */
public record EpisodeSettings(String mode, int maxTurns, long tokenBudget, Duration timeBudget, Duration actionTimeout) {
    public static final EpisodeSettings DEFAULTS = new EpisodeSettings("code", 12, 0, null, Duration.ofSeconds(10));

    public EpisodeSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(actionTimeout, "actionTimeout");
        if (maxTurns < 1) {
            throw new IllegalArgumentException("max turns must be >= 1, got " + maxTurns);
        }
        if (tokenBudget < 0) {
            throw new IllegalArgumentException("token budget must be >= 0 (0 = no limit), got " + tokenBudget);
        }
    }

    /** These settings with the budgets a goal gives (each null keeps this one). */
    public EpisodeSettings withBudgets(Integer turns, Double timeBudgetSeconds, Long tokens) {
        return new EpisodeSettings(mode, turns != null ? turns : maxTurns, tokens != null ? tokens : tokenBudget,
                timeBudgetSeconds != null ? Duration.ofMillis((long) (timeBudgetSeconds * 1000)) : timeBudget, actionTimeout);
    }

    /** Sets the mode, turn limit, budgets and action timeout of an agent. */
    public void applyTo(AgentConfig c) {
        c.mode = mode;
        c.maxTurns = maxTurns;
        c.tokenBudget = tokenBudget;
        c.timeBudget = timeBudget;
        c.actionTimeout = actionTimeout;
    }
}
