package io.codeact.bridge.sim.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.SimCommandException;
import io.codeact.bridge.tools.ros.ToolCallProtocol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Serves {@code /codeact/call}: starts the named world command and, for a timed one, waits (on the
 * service connection's thread) until the runner's steps end it. Motions started here are renewed by
 * {@link #renewWhile} only while a bridge's heartbeat is fresh, so a dead bridge means a stopped robot.
 */
final class ToolCallServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LockedWorld world;
    private final double realtimeFactor;
    private final BooleanSupplier closed;
    private final Set<Activity> running = ConcurrentHashMap.newKeySet();

    ToolCallServer(LockedWorld world, double realtimeFactor, BooleanSupplier closed) {
        this.world = world;
        this.realtimeFactor = realtimeFactor;
        this.closed = closed;
    }

    /** Called on the runner thread after each step: renews the running motions while {@code alive} says so. */
    void renewWhile(boolean alive) {
        running.removeIf(Activity::done);
        if (alive) {
            synchronized (world.lock()) {
                running.forEach(Activity::renewLease);
            }
        }
    }

    Map<String, Object> handle(Map<String, Object> request) throws InterruptedException {
        String api = String.valueOf(request.get("api"));
        String argsJson = String.valueOf(request.getOrDefault("args_json", ""));
        Map<String, Object> args;
        try {
            args = argsJson.isBlank() ? Map.of() : JSON.readValue(argsJson, JSON.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Object.class));
        } catch (JsonProcessingException e) {
            return error(ToolCallProtocol.BAD_VALUE, api + ": args_json must be one JSON object of arguments by name,"
                    + " e.g. {\"x\": 4.0}; got " + argsJson + " (" + e.getOriginalMessage() + ")");
        }
        Activity activity;
        try {
            activity = world.start(api, args);
        } catch (SimCommandException e) {
            return error(switch (e.reason()) {
                case BAD_ARGUMENT -> ToolCallProtocol.BAD_VALUE;
                case NOT_POSSIBLE -> ToolCallProtocol.NOT_POSSIBLE;
                case UNKNOWN_API -> ToolCallProtocol.UNKNOWN_API;
            }, e.getMessage());
        }
        if (!activity.done()) {
            running.add(activity);
            String failure = await(activity);
            if (failure != null) {
                running.remove(activity);
                return error(failure.startsWith("the simulator") ? ToolCallProtocol.STOPPED : ToolCallProtocol.TIMEOUT, failure);
            }
        }
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("result_json", JSON.writeValueAsString(activity.result()));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(api + ": its result cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Waits until the activity is done; returns why not when it will not be. */
    private String await(Activity activity) throws InterruptedException {
        double simLimit = activity.timeoutSeconds() + 1.0;
        long wallLimitNanos = (long) ((realtimeFactor > 0 ? simLimit / realtimeFactor : simLimit) * 1e9) + 5_000_000_000L;
        long deadline = System.nanoTime() + wallLimitNanos;
        Object lock = world.lock();
        synchronized (lock) {
            while (!activity.done()) {
                if (closed.getAsBoolean()) {
                    return "the simulator node shut down while " + activity.api() + " was running";
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return activity.api() + " did not end within " + Math.round(wallLimitNanos / 1e9)
                            + " s of wall time (its own limit is " + activity.timeoutSeconds() + " s of sim time)";
                }
                lock.wait(Math.max(1, Math.min(left / 1_000_000L, 200)));
            }
        }
        return null;
    }

    static Map<String, Object> error(String kind, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", false);
        out.put("error_kind", kind);
        out.put("error", message);
        return out;
    }
}
