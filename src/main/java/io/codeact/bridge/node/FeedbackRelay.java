package io.codeact.bridge.node;

import io.codeact.bridge.agent.TurnListener;
import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.PythonError;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns an episode's turns into {@link GoalFeedback}: the code of the turn's action, its output and error,
 * its safety refusals, and the observation sent back to the model; one feedback per observation.
 * Called on the agent's thread only.
 */
final class FeedbackRelay implements TurnListener {
    private final String goalId;
    private final Consumer<GoalFeedback> sink;
    private int turn;
    private String code;
    private ActionResult result;

    FeedbackRelay(String goalId, Consumer<GoalFeedback> sink) {
        this.goalId = goalId;
        this.sink = sink;
    }

    @Override
    public void onAction(int turn, String code) {
        reset(turn);
        this.code = code;
    }

    @Override
    public void onResult(int turn, ActionResult result) {
        reset(turn);
        this.result = result;
    }

    @Override
    public void onObservation(int turn, String observation) {
        reset(turn);
        String output = result == null ? "" : result.stdout() + result.stderr();
        PythonError error = result == null ? null : result.error();
        String errorText = error == null ? null
                : error.traceback().isEmpty() ? error.type() + ": " + error.message() : error.traceback();
        List<Map<String, Object>> safety = error != null && error.type().equals("SafetyViolation")
                ? List.of(Map.of("type", error.type(), "message", error.message()))
                : List.of();
        sink.accept(new GoalFeedback(goalId, turn, code, output, errorText, safety, observation));
        code = null;
        result = null;
    }

    private void reset(int newTurn) {
        if (newTurn != turn) {
            turn = newTurn;
            code = null;
            result = null;
        }
    }
}
