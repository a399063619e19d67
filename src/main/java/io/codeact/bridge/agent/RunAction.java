package io.codeact.bridge.agent;

import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.ActionStatus;
import java.util.ArrayList;
import java.util.List;

/** Step 4: runs the reply's code action in the session and collects what the world did meanwhile. */
final class RunAction implements Step {
    private final Episode episode;
    final List<String> during = new ArrayList<>();

    RunAction(Episode episode) {
        this.episode = episode;
    }

    @Override
    public void run(Turn turn) {
        during.clear();
        ParsedReply.Action action = switch (turn.parsed()) {
            case ParsedReply.Action a -> a;
            case ParsedReply.ActionAndSolution both -> both.action();
            default -> null;
        };
        if (action == null) {
            return;
        }
        AgentConfig config = episode.config;
        if (config.log != null) {
            config.log.action(turn.number(), action);
        }
        config.listener.onAction(turn.number(), action.code());
        List<Object> marks = new ArrayList<>();
        for (ObservationSource source : config.observationSources) {
            marks.add(source.mark());
        }
        ActionResult result = config.actionTimeout == null
                ? config.session.execute(action.code())
                : config.session.execute(action.code(), config.actionTimeout);
        if (result.status() != ActionStatus.OK && result.status() != ActionStatus.EXIT) {
            // the action that commanded any motion is gone: nothing may keep moving on its behalf
            config.guard.haltMotion("action " + (episode.actions + 1) + " ended with " + result.status());
        }
        for (int i = 0; i < marks.size(); i++) {
            String text = config.observationSources.get(i).since(marks.get(i));
            if (text != null && !text.isBlank()) {
                during.add(text.strip());
            }
        }
        turn.result = result;
        episode.actions++;
        if (result.status() != ActionStatus.OK && result.status() != ActionStatus.EXIT) {
            episode.errors++;
            if (result.error() != null && result.error().type().equals("SafetyViolation")) {
                episode.safetyViolations++;
            }
        }
        config.listener.onResult(turn.number(), result);
    }
}
