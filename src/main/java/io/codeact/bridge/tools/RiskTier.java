package io.codeact.bridge.tools;

import java.util.Locale;

/** How much harm a tool call can do, from its declaration; the safety layer decides what each needs. */
public enum RiskTier {
    /** Only reads state (a sensor, a pose). */
    READ,
    /** Changes the world in a way that can be undone (drive, light on). */
    REVERSIBLE,
    /** Hard or dangerous to undo (unlock a door, open the garage, release above a person). */
    IRREVERSIBLE;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
