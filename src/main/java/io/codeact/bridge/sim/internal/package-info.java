/**
 * Machinery shared by the simulated worlds: their common base ({@link TickedWorld}), the tick
 * accumulator, the command table and argument reader, the scenario-map reader, running activities
 * and motion leases. Nothing outside {@code io.codeact.bridge.sim} imports this package; its types
 * are public only so the world packages can share them.
 */
package io.codeact.bridge.sim.internal;
