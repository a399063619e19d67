package io.codeact.bridge.launch;

import io.codeact.bridge.agent.TurnListener;

/**
 * Shows an {@code agent} node's episode as it runs (the CLI prints each reply, action result and, with
 * {@code live_map: true}, a map of the world). Called on the agent's thread before the episode starts.
 */
@FunctionalInterface
public interface AgentConsole {
    AgentConsole NONE = view -> TurnListener.NONE;

    TurnListener open(View view);

    /** The episode about to run: node name, its runner (model, goal, world, log) and the node's display flags. */
    record View(String node, EpisodeRunner episode, boolean liveMap) {}
}
