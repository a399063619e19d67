package io.codeact.bridge.sim.node;

/** How a {@link SimMqttNode} moves sim time. */
public enum ClockMode {
    /**
     * Sim time moves only while a command runs, as fast as the CPU allows, exactly as the in-process binding's
     * {@code World.command} moves it (and {@code sim.wait} lets it pass on request): deterministic, for
     * evaluation and equivalence tests.
     */
    LOCKSTEP,
    /**
     * Sim time follows the wall clock times a rate factor whether or not anything is commanded; commands
     * start activities whose echo comes when they end, and motions live only as long as the bridge renews them.
     */
    REALTIME
}
