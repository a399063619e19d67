package io.codeact.bridge.agent;

import io.codeact.bridge.llm.ChatMessage;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.ActionStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Step 5: decides whether the episode is over, else sends the observation back to the model. */
final class Observe implements Step {
    private final Episode episode;
    private final RunAction runAction;

    Observe(Episode episode, RunAction runAction) {
        this.episode = episode;
        this.runAction = runAction;
    }

    @Override
    public void run(Turn turn) {
        ParsedReply parsed = turn.parsed();
        ActionResult result = turn.result();
        if (parsed instanceof ParsedReply.Solution s) {
            turn.end(Outcome.SOLVED, s.text(), "the model gave its answer");
            return;
        }
        if (parsed instanceof ParsedReply.NoAction none) {
            send(turn, none.reason(), null);
            return;
        }
        if (turn.finishAnswer != null && result != null && result.status() == ActionStatus.OK) {
            turn.end(Outcome.SOLVED, turn.finishAnswer, "the model called finish()");
            return;
        }
        List<String> notes = new ArrayList<>(parsed.notes());
        if (parsed instanceof ParsedReply.ActionAndSolution both) {
            if (result.status() == ActionStatus.OK) {
                turn.end(Outcome.SOLVED, both.solution(), "the model gave its answer with a final action that succeeded");
                return;
            }
            notes.add("Your <solution> was not accepted because the action before it did not succeed.");
        }
        if (turn.finishAnswer != null) {
            notes.add("finish() was not accepted because the action did not succeed.");
        }
        String text = ObservationText.of(result, runAction.during, notes, episode.config.observationChars);
        send(turn, text, result);
        if (result.sessionEnded()) {
            turn.end(Outcome.SESSION_ENDED, null, "the code-action session ended: " + episode.config.session.endedReason());
        }
    }

    private void send(Turn turn, String text, ActionResult result) {
        turn.observation = text;
        episode.conversation.add(ChatMessage.user(text));
        AgentConfig config = episode.config;
        if (config.log != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (result != null) {
                details.put("status", result.status().jsonName());
                details.put("stdout", result.stdout());
                details.put("duration_ms", Math.round(result.durationMillis() * 1000) / 1000.0);
                if (result.error() != null) {
                    details.put("error", result.error().traceback().isEmpty()
                            ? result.error().summary() : result.error().traceback());
                    details.put("error_type", result.error().type());
                }
                if (!runAction.during.isEmpty()) {
                    details.put("telemetry", List.copyOf(runAction.during));
                }
            }
            config.log.observation(turn.number(), text, details);
        }
        config.listener.onObservation(turn.number(), text);
    }
}
