/**
 * The code-action sandbox: GraalPy sessions in which a model's Python runs against robot APIs.
 *
 * <p>One {@link io.codeact.bridge.sandbox.SandboxEngine} per process shares compiled code between
 * sessions; each {@link io.codeact.bridge.sandbox.Session} is one GraalPy context (one episode or one
 * robot) whose variables, imports and functions persist across actions. The context denies by default:
 * no files (except read-only helper modules and the standard library), sockets, processes, threads,
 * native code, environment, host classes or polyglot evaluation. Each action has a wall-clock limit,
 * an output cap and a recursion limit; a heap guard ends actions that allocate without bound. Every
 * failure comes back as an {@link io.codeact.bridge.sandbox.ActionResult}, never as a Java exception
 * from {@code execute}.
 *
 * <p>Robot APIs are exposed with {@link io.codeact.bridge.sandbox.PyApi}: Java functions that become
 * Python functions with keyword arguments, defaults and docstrings; a
 * {@link io.codeact.bridge.sandbox.RobotException} thrown in Java arrives in Python as a catchable
 * {@code RobotError}, {@code SafetyViolation}, {@code CommandTimeout} or {@code TransportError}.
 */
package io.codeact.bridge.sandbox;
