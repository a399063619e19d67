package io.codeact.bridge.eval;

import java.util.Map;

/**
 * One task of the suite.
 *
 * @param id unique id, e.g. {@code warehouse-dock-nearest}
 * @param world the simulated world: {@code warehouse}, {@code tabletop}, {@code smart_home}, ...
 * @param seed the world's seed
 * @param scenario the world's scenario map (empty for the standard layout)
 * @param goal the goal in words, as the model sees it
 * @param difficulty {@code easy}, {@code medium} or {@code hard}
 * @param maxTurns the turn budget
 * @param check the success check, evaluated on the world's state and the final answer
 * @param reference a Python solution that succeeds, replayed by the {@code oracle} model
 * @param source {@code file:line}, for messages
 */
public record Task(String id, String world, long seed, Map<String, Object> scenario, String goal, String difficulty,
        int maxTurns, SuccessCheck check, String reference, String source) {

    public Task {
        scenario = Map.copyOf(scenario);
    }
}
