/**
 * The {@code toolbox} world: no robot, only information tools (flights, hotels, prices and exchange
 * rates, a small atlas, message decoding), for tasks in the style of the CodeAct paper's M3ToolEval,
 * where an answer needs several tools composed with arithmetic, loops and search. Its data are fixed
 * tables, so every task has one right answer; see simulations/tasks/toolbox.yaml.
 */
package io.codeact.bridge.sim.toolbox;
