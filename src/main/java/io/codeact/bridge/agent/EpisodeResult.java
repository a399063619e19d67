package io.codeact.bridge.agent;

import java.nio.file.Path;

/**
 * The end of an episode (or of one round of a chat).
 *
 * @param outcome how it ended
 * @param answer the model's final answer for {@link Outcome#SOLVED}, else null
 * @param detail a sentence for people on why it ended that way (the model error, the budget spent)
 * @param turns model turns taken so far in this episode
 * @param actions code actions (or tool calls) run so far
 * @param tokens prompt + completion tokens spent so far
 * @param errors actions that ended in a Python error
 * @param safetyViolations calls the safety layer refused (caught or not); without one, actions that ended
 *     in an uncaught {@code SafetyViolation}
 * @param success the task check's verdict, or null when the goal has no check
 * @param log the episode log file, or null when not logging
 */
public record EpisodeResult(Outcome outcome, String answer, String detail, int turns, int actions, long tokens,
        int errors, int safetyViolations, Boolean success, Path log) {}
