package io.codeact.bridge.safety;

import io.codeact.bridge.agent.EpisodeLog;
import io.codeact.bridge.agent.MotionGuard;
import io.codeact.bridge.agent.ObservationSource;
import io.codeact.bridge.sandbox.Param;
import io.codeact.bridge.sandbox.PyApi;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.tools.ParamSpec;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolInvoker;
import io.codeact.bridge.tools.ToolSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The safety layer in front of one binding: every tool call of a session passes here before it reaches
 * the simulator or a transport. In order, a call is checked against the stop latch (motion refused while
 * stopped; stop commands always pass), the safety file's parameter limits (rejected or clamped), rate
 * limits, the freshness of the pose it depends on, the geofence and keep-out zones along the commanded
 * path, and, for the risk tiers that need it, a person's confirmation. A refusal raises
 * {@code SafetyViolation} in Python with the rule, the value and the limit.
 *
 * <p>Every command, refusal, clamp, confirmation, halt, stop and lease expiry becomes a {@code safety}
 * record in the attached episode log, and a line in the model's next observation.
 *
 * <pre>{@code
 * SafetyGate gate = SafetyGate.builder(policy, tools, new SimToolInvoker(world))
 *         .halter(reason -> world.halt(reason)).confirmer(confirmer).build();
 * List<PyApi> apis = gate.tools().toPyApis(gate);
 * }</pre>
 */
public final class SafetyGate implements ToolInvoker, MotionGuard, ObservationSource, AutoCloseable {
    private final SafetyPolicy policy;
    private final ToolSet tools;
    private final ToolInvoker inner;
    private final StopLatch latch;
    private final Confirmer confirmer;
    private final Function<String, Object> halter;
    private final Function<ToolDeclaration, Map<String, Object>> dryRunTarget;
    private final LongSupplier nanos;
    private final AutoCloseable stopRegistration;
    private final AutoCloseable latchListener;
    private final Map<SafetyPolicy.RateLimit, ArrayDeque<Long>> calls = new HashMap<>();
    private final AtomicInteger violations = new AtomicInteger();
    private final List<String> events = new ArrayList<>();
    private volatile EpisodeLog log;

    private SafetyGate(Builder b) {
        this.policy = b.policy;
        this.tools = b.policy.validateAgainst(b.tools);
        this.inner = b.inner;
        this.latch = b.latch;
        this.confirmer = b.confirmer;
        this.halter = b.halterFn;
        this.dryRunTarget = b.dryRunTarget;
        this.nanos = b.nanos;
        this.stopRegistration = latch.onStop(by -> halt("stop by " + by, "stop"));
        this.latchListener = latch.listen(new StopLatch.Listener() {
            @Override
            public void stopped(String by) {
                audit("stop", fields("by", by), "STOP by " + by + ": all motion halted; motion is refused until a person resumes");
            }

            @Override
            public void resumed(String by) {
                audit("resume", fields("by", by), "resumed by " + by + ": motion allowed again");
            }
        });
    }

    /**
     * @param policy the envelope; checked against {@code tools} when built
     * @param tools the deployment's declared tools; those the policy does not expose disappear
     * @param inner the binding that carries out calls that pass
     */
    public static Builder builder(SafetyPolicy policy, ToolSet tools, ToolInvoker inner) {
        return new Builder(policy, tools, inner);
    }

    /** The tools the model may see: the declared ones the policy exposes. */
    public ToolSet tools() {
        return tools;
    }

    public SafetyPolicy policy() {
        return policy;
    }

    public StopLatch latch() {
        return latch;
    }

    /** The Python APIs of the exposed tools, every call passing this gate, plus {@code stop()}. */
    public List<PyApi> pyApis() {
        List<PyApi> apis = new ArrayList<>(tools.toPyApis(this));
        apis.add(PyApi.function("stop", "Emergency stop: halts every actuator now. Motion stays refused until a person "
                        + "resumes (not the code). Returns None.",
                List.of(Param.optional("reason", "", "why, for the record")), args -> {
                    Object reason = args.get("reason");
                    latch.stop("code action" + (reason == null || reason.toString().isBlank() ? "" : ": " + reason));
                    return null;
                }));
        return apis;
    }

    @Override
    public Object invoke(ToolDeclaration tool, Map<String, Object> args) {
        String q = tool.qualifiedName();
        if (policy.neverGated(tool)) {
            return send(tool, args);
        }
        boolean actuates = tool.motion() || tool.risk() != io.codeact.bridge.tools.RiskTier.READ;
        if (actuates && latch.stopped()) {
            StopLatch.State s = latch.state();
            throw refuse(tool, args, "stop.latched", s.by(), null,
                    q + "() refused: the robot is emergency-stopped (by " + s.by() + "). Motion stays refused until a "
                            + "person resumes it (codeact resume --by NAME); reads still work.");
        }
        Map<String, Object> checked = limits(tool, args);
        if (actuates) {
            rate(tool, checked); // reads cannot hurt anyone: only commands count against rate limits
        }
        SafetyPolicy.Motion motion = policy.motion(tool);
        // a command that starts from the robot's state needs that state fresh; a read checks its own age at the binding
        if (actuates && (motion != null || tool.freshness() != null)) {
            Map<?, ?> pose = pose(tool, checked);
            if (motion != null && pose != null) {
                geofence(tool, checked, motion, pose);
            }
        }
        if (policy.needsConfirmation(tool)) {
            confirm(tool, checked);
        }
        return send(tool, checked);
    }

    @Override
    public void refused(ToolDeclaration tool, Map<String, Object> args, RobotException reason) {
        inner.refused(tool, args, reason);
        if (reason.kind() == RobotException.Kind.SAFETY_VIOLATION) {
            violations.incrementAndGet();
            Map<String, Object> f = fields("tool", tool.qualifiedName(), "args", args);
            f.putAll(reason.details());
            f.put("message", reason.getMessage());
            audit("rejected", f, "refused " + tool.qualifiedName() + "(): " + reason.details().get("rule"));
        }
    }

    private Object send(ToolDeclaration tool, Map<String, Object> args) {
        if (dryRunTarget != null && (tool.motion() || tool.risk() != io.codeact.bridge.tools.RiskTier.READ)) {
            Map<String, Object> f = fields("tool", tool.qualifiedName(), "args", args);
            f.put("would_send", dryRunTarget.apply(tool));
            audit("dry_run", f, null);
        } else {
            audit("command", fields("tool", tool.qualifiedName(), "args", args, "by", "code action"), null);
        }
        Object result = inner.invoke(tool, args);
        if (result instanceof Map<?, ?> m && "lease_expired".equals(m.get("status"))) {
            audit("lease_expired", fields("tool", tool.qualifiedName(), "by", "device (motion lease ran out)"),
                    tool.qualifiedName() + "(): the motion lease ran out and the device stopped by itself");
        }
        return result;
    }

    private Map<String, Object> limits(ToolDeclaration tool, Map<String, Object> args) {
        Map<String, Object> out = new LinkedHashMap<>(args);
        for (ParamSpec p : tool.params()) {
            SafetyPolicy.Limit l = policy.limit(tool, p.name());
            if (l == null || !(args.get(p.name()) instanceof Number n)) {
                continue;
            }
            double v = n.doubleValue();
            boolean low = l.min() != null && v < l.min();
            boolean high = l.max() != null && v > l.max();
            if (!low && !high) {
                continue;
            }
            double limit = low ? l.min() : l.max();
            String unit = p.unit() == null ? "" : " " + p.unit();
            if (l.clamp()) {
                Object clamped = p.type().equals("int") ? (Object) (long) limit : (Object) limit;
                out.put(p.name(), clamped);
                audit("clamped", fields("tool", tool.qualifiedName(), "param", p.name(), "value", v, "limit", limit,
                        "rule_source", l.source()), tool.qualifiedName() + "(): " + p.name() + " " + plain(v) + unit
                        + " clamped to " + plain(limit) + unit + " (safety file " + l.source() + ")");
                continue;
            }
            throw refuse(tool, args, tool.id() + "." + p.name() + (low ? ".min" : ".max"), v, limit,
                    tool.qualifiedName() + "(): argument '" + p.name() + "' is " + plain(v) + unit + ", "
                            + (low ? "below the deployment's minimum " : "above the deployment's maximum ") + plain(limit)
                            + unit + " (safety file " + l.source() + ")");
        }
        return out;
    }

    private void rate(ToolDeclaration tool, Map<String, Object> args) {
        long now = nanos.getAsLong();
        for (SafetyPolicy.RateLimit r : policy.rateLimits()) {
            if (!SafetyPolicy.glob(r.tools(), tool.qualifiedName())) {
                continue;
            }
            long window = (long) (r.perSeconds() * 1e9);
            synchronized (calls) {
                ArrayDeque<Long> q = calls.computeIfAbsent(r, k -> new ArrayDeque<>());
                while (!q.isEmpty() && now - q.peekFirst() >= window) {
                    q.pollFirst();
                }
                if (q.size() >= r.max()) {
                    throw refuse(tool, args, "rate." + r.tools(), q.size() + 1, r.max(),
                            tool.qualifiedName() + "() refused: more than " + r.max() + " calls of " + r.tools() + " within "
                                    + plain(r.perSeconds()) + " s (rate limit, safety file " + r.source() + "). Slow down, "
                                    + "e.g. wait between calls, or do more per call.");
                }
                q.addLast(now);
            }
        }
    }

    private Map<?, ?> pose(ToolDeclaration tool, Map<String, Object> args) {
        String poseTool = policy.geofence() != null ? policy.geofence().poseTool() : tool.namespace() + ".odom.pose";
        ToolDeclaration pt = tools.find(poseTool).orElse(null);
        if (pt == null) {
            return null;
        }
        Object result;
        try {
            result = inner.invoke(pt, Map.of());
        } catch (RobotException e) {
            throw refuse(tool, args, "state.unavailable", null, null, tool.qualifiedName() + "() refused: it depends on the "
                    + "robot's pose, and reading " + poseTool + " failed: " + e.getMessage());
        }
        if (!(result instanceof Map<?, ?> pose)) {
            return null;
        }
        if (tool.freshness() != null && pose.get("age_s") instanceof Number age) {
            double limit = tool.freshness().toMillis() / 1000.0;
            if (age.doubleValue() > limit) {
                throw refuse(tool, args, "freshness." + tool.id(), age.doubleValue(), limit, tool.qualifiedName()
                        + "() refused: it starts from the robot's pose, and the last pose (" + poseTool + ") is "
                        + plain(age.doubleValue()) + " s old, older than the " + plain(limit) + " s it allows (declared at "
                        + tool.source() + "). Check the robot's telemetry link, then try again.");
            }
        }
        return pose;
    }

    private void geofence(ToolDeclaration tool, Map<String, Object> args, SafetyPolicy.Motion motion, Map<?, ?> pose) {
        if (!(pose.get("x") instanceof Number px) || !(pose.get("y") instanceof Number py)) {
            return;
        }
        double x0 = px.doubleValue();
        double y0 = py.doubleValue();
        double th = pose.get("theta") instanceof Number t ? t.doubleValue() : 0;
        List<double[]> path = new ArrayList<>();
        switch (motion.kind()) {
            case "arc" -> {
                double v = number(args.get(motion.params().get("linear")));
                double w = number(args.get(motion.params().get("angular")));
                double d = number(args.get(motion.params().get("duration")));
                int steps = Math.max(1, (int) Math.ceil(Math.abs(v) * d / 0.05));
                double dt = d / steps;
                double x = x0;
                double y = y0;
                for (int i = 0; i < steps; i++) {
                    x += v * Math.cos(th) * dt;
                    y += v * Math.sin(th) * dt;
                    th += w * dt;
                    path.add(new double[] {x, y});
                }
            }
            case "line", "point" -> {
                Object ax = args.get(motion.params().get("x"));
                Object ay = args.get(motion.params().get("y"));
                if (!(ax instanceof Number tx) || !(ay instanceof Number ty)) {
                    return;
                }
                if (motion.kind().equals("line")) {
                    double len = Math.hypot(tx.doubleValue() - x0, ty.doubleValue() - y0);
                    int steps = Math.max(1, (int) Math.ceil(len / 0.05));
                    for (int i = 1; i <= steps; i++) {
                        path.add(new double[] {x0 + (tx.doubleValue() - x0) * i / steps, y0 + (ty.doubleValue() - y0) * i / steps});
                    }
                } else {
                    path.add(new double[] {tx.doubleValue(), ty.doubleValue()});
                }
            }
            default -> throw new IllegalStateException("unknown motion kind " + motion.kind());
        }
        SafetyPolicy.Geofence fence = policy.geofence();
        double[] prev = {x0, y0};
        for (double[] p : path) {
            if (fence.inside() != null && !fence.inside().contains(p[0], p[1])) {
                throw refuse(tool, args, "geofence.inside", List.of(round(p[0]), round(p[1])), fence.inside().name(),
                        tool.qualifiedName() + "() refused: the commanded motion would leave the allowed area at ("
                                + plain(round(p[0])) + ", " + plain(round(p[1])) + ") (geofence, safety file " + fence.source()
                                + "). Choose a target inside it.");
            }
            for (Polygon zone : fence.keepOut()) {
                boolean enters = motion.kind().equals("point") ? zone.contains(p[0], p[1])
                        : zone.touchesSegment(prev[0], prev[1], p[0], p[1]);
                if (enters) {
                    throw refuse(tool, args, "geofence.keep_out." + zone.name(), List.of(round(p[0]), round(p[1])), zone.name(),
                            tool.qualifiedName() + "() refused: the commanded motion would enter the keep-out zone '"
                                    + zone.name() + "' near (" + plain(round(p[0])) + ", " + plain(round(p[1]))
                                    + ") (safety file " + fence.source() + "). Plan a path around it.");
                }
            }
            prev = p;
        }
    }

    private void confirm(ToolDeclaration tool, Map<String, Object> args) {
        long start = System.nanoTime();
        Confirmer.Decision d;
        try {
            d = confirmer.confirm(new Confirmer.Request(tool.qualifiedName(), args, tool.risk(),
                    "a person must allow " + tool.risk().yamlName() + " calls"), policy.confirmTimeout());
        } catch (RuntimeException e) {
            d = new Confirmer.Decision(false, "nobody", "asking failed: " + e.getMessage());
        }
        long waited = (System.nanoTime() - start) / 1_000_000;
        audit("confirmation", fields("tool", tool.qualifiedName(), "args", args, "approved", d.approved(), "by", d.by(),
                "detail", d.detail(), "waited_ms", waited),
                tool.qualifiedName() + "(): " + (d.approved() ? "allowed" : "denied") + " by " + d.by() + " (" + d.detail() + ")");
        if (!d.approved()) {
            throw refuse(tool, args, "confirm." + tool.risk().yamlName(), d.detail(), "a person's approval",
                    tool.qualifiedName() + "() refused: it is " + tool.risk().yamlName() + " and needs a person's "
                            + "confirmation, which was not given (" + d.by() + ": " + d.detail() + "). Tell the user what "
                            + "you wanted to do and why, and let them decide.");
        }
    }

    private RobotException refuse(ToolDeclaration tool, Map<String, Object> args, String rule, Object value, Object limit,
            String message) {
        violations.incrementAndGet();
        Map<String, Object> f = fields("tool", tool.qualifiedName(), "args", args, "rule", rule, "value", value, "limit", limit);
        f.put("message", message);
        audit("rejected", f, "refused " + tool.qualifiedName() + "(): " + rule);
        return RobotException.safetyViolation(rule, value, limit, message);
    }

    @Override
    public void attach(EpisodeLog log) {
        this.log = log;
    }

    @Override
    public int violations() {
        return violations.get();
    }

    @Override
    public void haltMotion(String reason) {
        halt(reason, "halt");
    }

    private void halt(String reason, String event) {
        Object halted;
        try {
            halted = halter.apply(reason);
        } catch (RuntimeException e) {
            audit("halt_failed", fields("reason", reason, "error", String.valueOf(e.getMessage())),
                    "HALT FAILED (" + reason + "): " + e.getMessage());
            throw e;
        }
        if (event.equals("halt") && halted instanceof Map<?, ?> m && m.get("halted") instanceof List<?> l && l.isEmpty()) {
            return; // nothing was moving: no record for the routine end-of-episode halt
        }
        audit("halt", fields("reason", reason, "halted", halted), event.equals("stop") ? null : "halted motion: " + reason);
    }

    private void audit(String event, Map<String, Object> f, String observation) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("event", event);
        rec.putAll(f);
        EpisodeLog l = log;
        if (l != null) {
            try {
                l.record("safety", rec);
            } catch (IllegalStateException closed) {
                // the episode's log is closed (the episode ended); the event still reaches the model and counters
            }
        }
        if (observation != null) {
            synchronized (events) {
                events.add(observation);
            }
        }
    }

    @Override
    public Object mark() {
        synchronized (events) {
            return events.size();
        }
    }

    @Override
    public String since(Object mark) {
        synchronized (events) {
            int from = (Integer) mark;
            if (from >= events.size()) {
                return null;
            }
            return "safety: " + String.join("; ", events.subList(from, events.size()));
        }
    }

    @Override
    public void close() {
        try {
            stopRegistration.close();
            latchListener.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Builds a {@link SafetyGate}; only the policy, tools and inner binding are required. */
    public static final class Builder {
        private final SafetyPolicy policy;
        private final ToolSet tools;
        private final ToolInvoker inner;
        private StopLatch latch = StopLatch.process();
        private Confirmer confirmer = Confirmer.fixed(false, "nobody (no confirmer configured)");
        private Function<String, Object> halterFn = reason -> Map.of("halted", List.of());
        private Function<ToolDeclaration, Map<String, Object>> dryRunTarget;
        private LongSupplier nanos = System::nanoTime;

        private Builder(SafetyPolicy policy, ToolSet tools, ToolInvoker inner) {
            this.policy = Objects.requireNonNull(policy, "policy");
            this.tools = Objects.requireNonNull(tools, "tools");
            this.inner = Objects.requireNonNull(inner, "inner");
        }

        public Builder latch(StopLatch value) {
            latch = value;
            return this;
        }

        public Builder confirmer(Confirmer value) {
            confirmer = value;
            return this;
        }

        /** Halts every actuator of the binding (e.g. {@code World.halt}); returns what it halted, for the record. */
        public Builder halter(Function<String, Object> value) {
            halterFn = value;
            return this;
        }

        /** Dry run: calls still go to {@code inner} (a simulator), and each records what the real binding would send. */
        public Builder dryRun(Function<ToolDeclaration, Map<String, Object>> wouldSend) {
            dryRunTarget = wouldSend;
            return this;
        }

        /** The clock for rate limits (tests pass a controllable one). */
        public Builder nanos(LongSupplier value) {
            nanos = value;
            return this;
        }

        /** @throws SafetyFileException when the policy names tools or parameters the deployment lacks */
        public SafetyGate build() {
            return new SafetyGate(this);
        }
    }
}
