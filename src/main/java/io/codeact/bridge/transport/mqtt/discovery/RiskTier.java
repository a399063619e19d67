package io.codeact.bridge.transport.mqtt.discovery;

/**
 * How much harm a command to a device can do, for the safety layer: reading never needs confirmation;
 * irreversible actions (unlocking a door, opening a garage, disarming an alarm) need it by default.
 */
public enum RiskTier {
    /** Sensors: nothing to command. */
    READ,
    /** Lights, switches, fans, thermostats: undone by the opposite command. */
    REVERSIBLE,
    /** Locks, covers (garage doors, gates, blinds), alarm panels: the physical effect may not be undone in time. */
    IRREVERSIBLE
}
