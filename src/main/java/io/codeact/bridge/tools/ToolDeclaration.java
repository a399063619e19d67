package io.codeact.bridge.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One robot API as declared in {@code robot-tools/*.yaml}.
 *
 * @param id dotted name under the namespace, e.g. {@code base.drive}
 * @param namespace the Python global it hangs from, e.g. {@code robot}
 * @param doc what it does, for the prompt and {@code help()}
 * @param params parameters in call order
 * @param returns what it returns, in words (shape and units)
 * @param risk risk tier
 * @param motion whether it moves an actuator (motion leases and stop apply)
 * @param freshness how old the state it depends on may be, or null when it depends on none
 * @param bindings per binding kind ({@code sim}, {@code mqtt}, {@code ros}) the raw binding settings
 * @param source {@code file:line} of the declaration, for error messages
 */
public record ToolDeclaration(String id, String namespace, String doc, List<ParamSpec> params, String returns,
        RiskTier risk, boolean motion, Duration freshness, Map<String, JsonNode> bindings, String source) {

    public ToolDeclaration {
        params = List.copyOf(params);
        bindings = Map.copyOf(bindings);
    }

    /** The fully qualified Python name, e.g. {@code robot.base.drive}. */
    public String qualifiedName() {
        return namespace + "." + id;
    }

    public ParamSpec param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
