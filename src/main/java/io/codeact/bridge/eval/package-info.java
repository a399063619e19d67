/**
 * The task suite and its evaluation: tasks in {@code simulations/tasks/*.yaml} (goal, world, seed,
 * scenario, success check on the world's state and the answer, turn budget, reference solution), the
 * {@code oracle} model that replays a task's reference solution, and {@link io.codeact.bridge.eval.EvalRunner}
 * behind {@code codeact eval}: success rate, turns, actions, safety violations and tokens per mode.
 */
package io.codeact.bridge.eval;
