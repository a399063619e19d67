package io.codeact.bridge.agent;

import io.codeact.bridge.sandbox.ActionResult;

/**
 * Watches an episode as it happens (the CLI prints from here). Every method has an empty default; all
 * are called on the thread running the agent.
 */
public interface TurnListener {
    /** A piece of the model's reply as it streams in. */
    default void onToken(int turn, String piece) {}

    /** The model's whole reply for this turn. */
    default void onReply(int turn, String reply) {}

    /** A code action about to run. */
    default void onAction(int turn, String code) {}

    /** The result of a code action. */
    default void onResult(int turn, ActionResult result) {}

    /** The observation text sent back to the model. */
    default void onObservation(int turn, String observation) {}

    /** The episode (or chat round) ended. */
    default void onEnd(EpisodeResult result) {}

    TurnListener NONE = new TurnListener() {};
}
