package io.codeact.bridge.agent;

import io.codeact.bridge.llm.ChatReply;
import io.codeact.bridge.sandbox.ActionResult;

/**
 * One turn of an episode as the steps fill it in: the model's reply, what the parser made of it, the
 * action's result and the observation. A step ends the episode with {@link #end}.
 */
public final class Turn {
    private final int number;
    ChatReply reply;
    ParsedReply parsed;
    ActionResult result;
    String observation;
    /** Set by finish(...) during this turn's action. */
    String finishAnswer;
    Outcome outcome;
    String answer;
    String detail;

    Turn(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The model's reply text, or null before the model step. */
    public String reply() {
        return reply == null ? null : reply.text();
    }

    public ParsedReply parsed() {
        return parsed;
    }

    /** The code action's result, or null when this turn ran no action. */
    public ActionResult result() {
        return result;
    }

    public String observation() {
        return observation;
    }

    /** Ends the episode after the current step. */
    public void end(Outcome outcome, String answer, String detail) {
        this.outcome = outcome;
        this.answer = answer;
        this.detail = detail;
    }

    public boolean ended() {
        return outcome != null;
    }
}
