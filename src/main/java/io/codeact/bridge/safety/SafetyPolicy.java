package io.codeact.bridge.safety;

import io.codeact.bridge.tools.ParamSpec;
import io.codeact.bridge.tools.RiskTier;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A deployment's safety envelope, on top of what the tool declarations already enforce (their ranges):
 * which tools exist for the model, tighter parameter limits, rate limits, a geofence with keep-out
 * zones, and which calls need a person's confirmation. Immutable; load one with {@link #load(Path)} or
 * start from {@link #defaults()}, and {@link #validateAgainst(ToolSet)} before use.
 *
 * <pre>{@code
 * SafetyPolicy policy = SafetyPolicy.load(Path.of("safety/warehouse.yaml"));
 * ToolSet exposed = policy.validateAgainst(tools);   // throws SafetyFileException on a typo
 * }</pre>
 */
public final class SafetyPolicy {
    /** A parameter limit: {@code [min, max]}, rejected or clamped. */
    public record Limit(String tool, String param, Double min, Double max, boolean clamp, String source) {}

    /** At most {@code max} calls of the matching tools in any {@code perSeconds} window. */
    public record RateLimit(String tools, int max, double perSeconds, String source) {}

    /**
     * How a commanded motion moves the robot, to check it against the geofence: {@code line} to the
     * point given by parameters {@code x}, {@code y}; {@code arc}: a unicycle at {@code linear},
     * {@code angular} for {@code duration}; {@code point}: the target point only (an arm's tool tip).
     */
    public record Motion(String kind, Map<String, String> params, String source) {}

    /** Where the robot may go: inside {@code inside} (null: anywhere) and never into a keep-out zone. */
    public record Geofence(String poseTool, Polygon inside, List<Polygon> keepOut, Map<String, Motion> motions,
            String source) {
        public Geofence {
            keepOut = List.copyOf(keepOut);
            motions = Map.copyOf(motions);
        }
    }

    final String source;
    final List<String> allow;
    final List<String> deny;
    final Map<String, Limit> limits;
    final List<RateLimit> rates;
    final Geofence geofence;
    final Set<RiskTier> confirmTiers;
    final List<String> confirmTools;
    final Duration confirmTimeout;
    final List<String> neverGated;

    SafetyPolicy(String source, List<String> allow, List<String> deny, Map<String, Limit> limits, List<RateLimit> rates,
            Geofence geofence, Set<RiskTier> confirmTiers, List<String> confirmTools, Duration confirmTimeout,
            List<String> neverGated) {
        this.source = source;
        this.allow = List.copyOf(allow);
        this.deny = List.copyOf(deny);
        this.limits = Map.copyOf(limits);
        this.rates = List.copyOf(rates);
        this.geofence = geofence;
        this.confirmTiers = confirmTiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(confirmTiers));
        this.confirmTools = List.copyOf(confirmTools);
        this.confirmTimeout = confirmTimeout;
        this.neverGated = List.copyOf(neverGated);
    }

    /**
     * The envelope without a safety file: the declarations' ranges, every declared tool exposed, no
     * geofence or rate limit, irreversible calls confirmed within 30 s, {@code *.stop} never gated.
     */
    public static SafetyPolicy defaults() {
        return new SafetyPolicy("built-in defaults", List.of("*"), List.of(), Map.of(), List.of(), null,
                EnumSet.of(RiskTier.IRREVERSIBLE), List.of(), Duration.ofSeconds(30), List.of("*.stop"));
    }

    /**
     * Reads a safety file.
     *
     * @throws SafetyFileException naming file:line and the field when it is unreadable or invalid
     */
    public static SafetyPolicy load(Path file) {
        return SafetyFileReader.read(file);
    }

    /** Where the policy came from: the file as the user named it, or {@code built-in defaults}. */
    public String source() {
        return source;
    }

    public Geofence geofence() {
        return geofence;
    }

    public List<RateLimit> rateLimits() {
        return rates;
    }

    public Duration confirmTimeout() {
        return confirmTimeout;
    }

    /** Whether the model may see and call this tool (allowed and not denied). */
    public boolean exposes(ToolDeclaration tool) {
        String q = tool.qualifiedName();
        return allow.stream().anyMatch(g -> glob(g, q)) && deny.stream().noneMatch(g -> glob(g, q));
    }

    /** Whether the call needs a person's confirmation first. */
    public boolean needsConfirmation(ToolDeclaration tool) {
        return confirmTiers.contains(tool.risk()) || confirmTools.stream().anyMatch(g -> glob(g, tool.qualifiedName()));
    }

    /** Stop commands: passed through even while stopped, never rate-limited, never confirmed. */
    public boolean neverGated(ToolDeclaration tool) {
        return neverGated.stream().anyMatch(g -> glob(g, tool.qualifiedName()));
    }

    /** The safety file's limit for this parameter, or null. */
    public Limit limit(ToolDeclaration tool, String param) {
        return limits.get(tool.qualifiedName() + "." + param);
    }

    /** How this tool moves the robot for the geofence check, or null when it does not (or there is no fence). */
    public Motion motion(ToolDeclaration tool) {
        if (geofence == null) {
            return null;
        }
        if (!geofence.motions().isEmpty()) {
            return geofence.motions().get(tool.qualifiedName());
        }
        // no motions listed: every motion tool with a target point or a velocity and duration is checked
        if (!tool.motion()) {
            return null;
        }
        if (tool.param("x") != null && tool.param("y") != null) {
            return new Motion("line", params("x", "x", "y", "y"), geofence.source() + " (inferred)");
        }
        if (tool.param("linear") != null && tool.param("duration") != null) {
            return new Motion("arc", params("linear", "linear", "angular", "angular", "duration", "duration"),
                    geofence.source() + " (inferred)");
        }
        return null;
    }

    /**
     * Checks the policy against the tools of a deployment and returns the tools the model may see. Every
     * limit, rate limit, motion and the pose tool must name a declared tool and parameter, and a limit
     * may only narrow the declared range.
     *
     * @throws SafetyFileException listing every mismatch with its file:line
     */
    public ToolSet validateAgainst(ToolSet tools) {
        List<String> problems = new ArrayList<>();
        for (Limit l : limits.values()) {
            ToolDeclaration t = tools.find(l.tool()).orElse(null);
            if (t == null) {
                problems.add(l.source() + ": limits: no tool named " + l.tool() + known(tools));
                continue;
            }
            ParamSpec p = t.param(l.param());
            if (p == null) {
                problems.add(l.source() + ": limits: " + l.tool() + " has no parameter '" + l.param() + "'; it has: "
                        + String.join(", ", t.params().stream().map(ParamSpec::name).toList()));
            } else if (!p.type().equals("float") && !p.type().equals("int")) {
                problems.add(l.source() + ": limits: " + l.tool() + "." + l.param() + " is a " + p.type()
                        + "; only numeric parameters take a range");
            }
        }
        for (RateLimit r : rates) {
            if (tools.tools().stream().noneMatch(t -> glob(r.tools(), t.qualifiedName()))) {
                problems.add(r.source() + ": rate_limits: '" + r.tools() + "' matches no tool" + known(tools));
            }
        }
        if (geofence != null) {
            if (tools.find(geofence.poseTool()).isEmpty()) {
                problems.add(geofence.source() + ": geofence.pose: no tool named " + geofence.poseTool() + known(tools));
            }
            for (Map.Entry<String, Motion> m : geofence.motions().entrySet()) {
                ToolDeclaration t = tools.find(m.getKey()).orElse(null);
                if (t == null) {
                    problems.add(m.getValue().source() + ": geofence.motions: no tool named " + m.getKey() + known(tools));
                    continue;
                }
                for (String param : m.getValue().params().values()) {
                    if (t.param(param) == null) {
                        problems.add(m.getValue().source() + ": geofence.motions: " + m.getKey() + " has no parameter '"
                                + param + "'");
                    }
                }
            }
        }
        for (String g : confirmTools) {
            if (tools.tools().stream().noneMatch(t -> glob(g, t.qualifiedName()))) {
                problems.add(source + ": confirm.tools: '" + g + "' matches no tool" + known(tools));
            }
        }
        if (!problems.isEmpty()) {
            throw new SafetyFileException("safety file " + source + " does not fit the declared tools:\n  "
                    + String.join("\n  ", problems));
        }
        return tools.select(this::exposes);
    }

    private static String known(ToolSet tools) {
        List<String> names = tools.tools().stream().map(ToolDeclaration::qualifiedName).toList();
        return names.size() <= 12 ? "; tools: " + String.join(", ", names)
                : "; tools include: " + String.join(", ", names.subList(0, 12)) + ", …";
    }

    /** {@code *} matches any run of characters (dots included), everything else literally. */
    static boolean glob(String pattern, String name) {
        return GLOBS.computeIfAbsent(pattern, SafetyPolicy::compileGlob).matcher(name).matches();
    }

    /** Compiled globs: the gate matches them on every tool call. */
    private static final Map<String, Pattern> GLOBS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern compileGlob(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("\\*", -1)) {
            parts.add(part.isEmpty() ? "" : Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts));
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
