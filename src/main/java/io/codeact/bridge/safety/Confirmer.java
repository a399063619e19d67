package io.codeact.bridge.safety;

import io.codeact.bridge.tools.RiskTier;
import java.time.Duration;
import java.util.Map;

/**
 * Asks a person whether a call may go ahead. Implementations must return within {@code timeout}; a
 * timeout, an interrupt or no person to ask is a denial.
 */
@FunctionalInterface
public interface Confirmer {
    /** What is asked: the call, its risk tier and why it needs confirmation. */
    record Request(String tool, Map<String, Object> args, RiskTier risk, String why) {}

    /** The answer, who gave it, and how (typed y, PIN, timeout, fixed policy). */
    record Decision(boolean approved, String by, String detail) {}

    Decision confirm(Request request, Duration timeout);

    /** A fixed answer for unattended runs; {@code by} says so in the audit record. */
    static Confirmer fixed(boolean approve, String by) {
        return (request, timeout) -> new Decision(approve, by, approve ? "approved by policy" : "denied by policy");
    }
}
