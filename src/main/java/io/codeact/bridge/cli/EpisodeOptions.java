package io.codeact.bridge.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/** The episode flags shared by run and chat. */
final class EpisodeOptions {
    @Option(names = "--mode", defaultValue = "code", description = "code (default), json or text: the action format")
    String mode;

    @Option(names = "--max-turns", defaultValue = "12", description = "turn limit (default ${DEFAULT-VALUE})")
    int maxTurns;

    @Option(names = "--token-budget", defaultValue = "0", description = "prompt + completion tokens per episode; 0 = no limit")
    long tokenBudget;

    @Option(names = "--time-budget", paramLabel = "S", description = "wall-clock budget per episode in seconds")
    Double timeBudgetSeconds;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10", description = "wall-clock limit per code action (default ${DEFAULT-VALUE} s)")
    double actionTimeoutSeconds;

    @Option(names = "--log", paramLabel = "FILE", description = "the episode log (default episodes/<time>-<name>.jsonl)")
    Path log;

    /** Sets the mode, turn limit, budgets and action timeout of an agent from these flags. */
    void applyTo(io.codeact.bridge.agent.AgentConfig c) {
        settings().applyTo(c);
    }

    /** The mode, turn limit, budgets and action timeout these flags give. */
    io.codeact.bridge.node.EpisodeSettings settings() {
        return new io.codeact.bridge.node.EpisodeSettings(mode, maxTurns, tokenBudget,
                timeBudgetSeconds == null ? null : java.time.Duration.ofMillis((long) (timeBudgetSeconds * 1000)),
                actionTimeout());
    }

    /** Sets the mode, turn limit, budgets, action timeout and log of an episode from these flags. */
    void applyTo(io.codeact.bridge.launch.EpisodeRunner.Settings s) {
        s.mode = mode;
        s.maxTurns = maxTurns;
        s.tokenBudget = tokenBudget;
        s.timeBudget = timeBudgetSeconds == null ? null : java.time.Duration.ofMillis((long) (timeBudgetSeconds * 1000));
        s.actionTimeout = actionTimeout();
        s.log = log;
    }

    java.time.Duration actionTimeout() {
        return java.time.Duration.ofNanos((long) (actionTimeoutSeconds * 1e9));
    }

    Path logFile(String name) {
        if (log != null) {
            return log;
        }
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        slug = slug.length() > 40 ? slug.substring(0, 40) : slug;
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("episodes", time + "-" + (slug.isEmpty() ? "episode" : slug) + ".jsonl");
    }
}
