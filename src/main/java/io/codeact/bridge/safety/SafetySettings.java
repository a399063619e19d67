package io.codeact.bridge.safety;

import io.codeact.bridge.tools.ToolDeclaration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a binding's {@link SafetyGate} is set up: the policy, who confirms, the stop latch, and whether
 * this is a dry run (calls go to the simulator and record what the real binding would have sent).
 */
public record SafetySettings(SafetyPolicy policy, Confirmer confirmer, StopLatch latch, boolean dryRun) {

    public SafetySettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(confirmer, "confirmer");
        Objects.requireNonNull(latch, "latch");
    }

    /**
     * For a simulator nobody watches (tests, scripted runs): the built-in policy, irreversible calls
     * approved and recorded as approved by "simulator (no person asked)", a latch of its own.
     */
    public static SafetySettings unattendedSimulator() {
        return new SafetySettings(SafetyPolicy.defaults(), Confirmer.fixed(true, "simulator (no person asked)"),
                new StopLatch(), false);
    }

    /**
     * The settings for a world in a checkout: {@code <home>/safety/<world>.yaml} when it exists, else the
     * built-in defaults.
     *
     * @throws SafetyFileException when that file is invalid
     */
    public static SafetySettings forWorld(java.nio.file.Path home, String world, Confirmer confirmer, StopLatch latch) {
        java.nio.file.Path file = home.resolve("safety").resolve(world + ".yaml");
        SafetyPolicy policy = java.nio.file.Files.isRegularFile(file) ? SafetyPolicy.load(file) : SafetyPolicy.defaults();
        return new SafetySettings(policy, confirmer, latch, false);
    }

    public SafetySettings withConfirmer(Confirmer value) {
        return new SafetySettings(policy, value, latch, dryRun);
    }

    /**
     * What a real binding would send for this tool, from its declaration: the ROS topic or service, or
     * the MQTT command topic (declared, or the default {@code codeact/<namespace>/<tool id>/cmd}).
     */
    public static Map<String, Object> wouldSend(ToolDeclaration tool) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (tool.bindings().containsKey("ros")) {
            out.put("binding", "ros");
            out.put("ros", tool.bindings().get("ros"));
        }
        out.put("mqtt_topic", "codeact/" + tool.namespace() + "/" + tool.id() + "/cmd");
        if (tool.bindings().containsKey("mqtt")) {
            out.put("mqtt", tool.bindings().get("mqtt"));
        }
        return out;
    }
}
