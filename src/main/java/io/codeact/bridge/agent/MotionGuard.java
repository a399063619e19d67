package io.codeact.bridge.agent;

/**
 * The agent's view of the safety layer in front of the robot APIs ({@code safety.SafetyGate}): where its
 * audit records go, how many calls it refused, and how to halt motion when an episode or action ends
 * badly. The agent halts motion when an action times out or runs out of memory, and when the episode
 * ends for any reason (finished, failed, cancelled, model error, budget), so nothing keeps moving
 * without a live controller.
 */
public interface MotionGuard {
    /** No safety layer (an episode without robot APIs). */
    MotionGuard NONE = new MotionGuard() {
        @Override
        public void attach(EpisodeLog log) {}

        @Override
        public int violations() {
            return 0;
        }

        @Override
        public void haltMotion(String reason) {}
    };

    /** Audit records of this episode go to {@code log} (null: nowhere). */
    void attach(EpisodeLog log);

    /** Calls refused by the safety layer so far (caught by the code action or not). */
    int violations();

    /** Halts every actuator now, without latching a stop; never throws. */
    void haltMotion(String reason);
}
