package io.codeact.bridge.node;

/**
 * Watches a {@link RobotController}: the fronts publish from here. Every method has an empty default.
 * Called on the controller's worker thread (feedback, results of goals that ran) or on the thread that
 * submitted or cancelled (refusals, goals cancelled in the queue); must not block for long, and an
 * exception thrown here is logged and does not stop the controller.
 */
public interface NodeListener {
    /** A turn of the running goal. */
    default void onFeedback(GoalFeedback feedback) {}

    /** A goal ended (exactly once per goal, including refused ones). */
    default void onResult(GoalResult result) {}

    /** The running goal or the queue changed. */
    default void onStatus(NodeStatus status) {}
}
