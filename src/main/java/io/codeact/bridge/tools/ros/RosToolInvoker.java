package io.codeact.bridge.tools.ros;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.sandbox.RobotException;
import io.codeact.bridge.tools.DeclarationException;
import io.codeact.bridge.tools.ToolDeclaration;
import io.codeact.bridge.tools.ToolInvoker;
import io.codeact.bridge.tools.ToolSet;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.ros.RosNode;
import io.codeact.bridge.transport.ros.RosPublisher;
import io.codeact.bridge.transport.ros.RosSubscriber;
import io.codeact.bridge.transport.ros.ServiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The ROS binding of tool declarations: each call becomes what the declaration's {@code binding.ros} says
 * ({@link RosBinding}): Twist-like commands published at a rate for a duration then zeroed, reads of the
 * latest message of a topic, service calls, and — for tools without a {@code ros} key, when the robot is a
 * codeact node — a {@value ToolCallProtocol#TOOL_CALL_TYPE} call to {@value ToolCallProtocol#CALL_SERVICE},
 * with heartbeats on {@value ToolCallProtocol#LEASE_TOPIC} while a motion runs.
 *
 * <p>Declarations are checked when the invoker is built (fail fast, with file:line); read topics are
 * subscribed and command topics advertised then, so the first call finds messages and subscribers.
 * Errors reach the code action as Python exceptions: {@code CommandTimeout} for a topic without subscriber
 * or message, or a service that does not answer, naming it; {@code RobotError} for stale data and refused
 * requests; {@code ValueError} for arguments the robot refuses. Calls block the caller and honour its
 * interruption (a motion's heartbeat stops with it). Thread-safe.
 * <pre>{@code
 * RosToolInvoker invoker = RosToolInvoker.builder(node, tools).build();
 * tools.toPyApis(invoker).forEach(session::expose);
 * }</pre>
 */
public final class RosToolInvoker implements ToolInvoker, AutoCloseable {
    /** How old a read may be when the declaration has no {@code freshness_s}. */
    public static final Duration DEFAULT_FRESHNESS = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HEARTBEAT_MS = 100;

    private final RosNode node;
    private final Map<String, RosBinding> bindings = new HashMap<>();
    private final Map<String, RosPublisher> publishers = new HashMap<>();
    private final List<RosSubscriber> subscribers = new ArrayList<>();
    private final LatestMessages latest;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger motionsInFlight = new AtomicInteger();
    private RosPublisher lease;
    private Thread heartbeat;
    private volatile boolean closed;

    private RosToolInvoker(Builder b) {
        this.node = b.node;
        this.latest = new LatestMessages(b.clock);
        ToolCallProtocol.register(node.types());
        try {
            for (ToolDeclaration tool : b.tools.tools()) {
                RosBinding binding = RosBinding.parse(tool, node.types());
                if (binding == null && b.toolCalls) {
                    binding = RosBinding.toolCall(tool);
                }
                if (binding != null) {
                    bindings.put(tool.qualifiedName(), binding);
                    connect(tool, binding);
                }
            }
            if (lease != null) {
                heartbeat = Thread.ofPlatform().daemon().name("codeact-lease-heartbeat").start(this::beat);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Binds {@code tools} to the ROS graph of {@code node} (which the caller keeps and closes). */
    public static Builder builder(RosNode node, ToolSet tools) {
        return new Builder(node, tools);
    }

    private void connect(ToolDeclaration tool, RosBinding b) {
        switch (b.kind()) {
            case READ -> subscribe(b.topic(), b.type());
            case COMMAND -> {
                RosPublisher existing = publishers.get(b.topic());
                if (existing != null && !existing.type().name().equals(b.type())) {
                    throw new DeclarationException(tool.source() + ": tool " + tool.id() + ", field binding.ros.type: "
                            + b.topic() + " is already bound as " + existing.type().name() + " by another tool; one type per topic");
                }
                if (existing == null) {
                    publishers.put(b.topic(), node.advertise(b.topic(), b.type()));
                }
                if (b.odomTopic() != null) {
                    subscribe(b.odomTopic(), "nav_msgs/Odometry");
                }
            }
            case TOOL_CALL -> {
                if (tool.motion() && lease == null) {
                    lease = node.advertise(ToolCallProtocol.LEASE_TOPIC, "std_msgs/String");
                }
            }
            case SERVICE -> { }
        }
    }

    private void subscribe(String topic, String type) {
        if (subscribers.stream().noneMatch(s -> s.topic().equals(node.resolve(topic)))) {
            String key = node.resolve(topic);
            subscribers.add(node.subscribe(topic, type, m -> latest.put(key, m)));
        }
    }

    /** Publishes the heartbeat while a motion started through the ToolCall service is in flight. */
    private void beat() {
        Map<String, Object> me = Map.of("data", node.name());
        while (!closed) {
            try {
                if (motionsInFlight.get() > 0) {
                    lease.publish(me);
                }
                Thread.sleep(HEARTBEAT_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    throw e;
                }
                return;
            }
        }
    }

    @Override
    public Object invoke(ToolDeclaration tool, Map<String, Object> args) {
        RosBinding b = bindings.get(tool.qualifiedName());
        if (b == null) {
            throw RobotException.robotError(tool.qualifiedName() + " has no ROS binding (declared at " + tool.source()
                    + "): add binding.ros (a topic or service) to its declaration, or bind to a codeact node");
        }
        try {
            return switch (b.kind()) {
                case READ -> read(tool, b);
                case COMMAND -> command(tool, b, args);
                case SERVICE -> service(tool, b, args);
                case TOOL_CALL -> toolCall(tool, b, args);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RobotException.robotError(tool.qualifiedName() + " was interrupted"
                    + (b.kind() == RosBinding.Kind.COMMAND ? "; a zero " + b.type() + " was sent on " + b.topic() : ""));
        }
    }

    private Map<String, Object> read(ToolDeclaration tool, RosBinding b) throws InterruptedException {
        LatestMessages.Sample s = latest.await(node.resolve(b.topic()), b.timeout().toMillis());
        if (s == null) {
            throw RobotException.timeout(tool.qualifiedName() + ": no message on " + b.topic() + " (" + b.type()
                    + ") arrived within " + seconds(b.timeout()) + " s; is the robot running and publishing it?"
                    + " (check with: rostopic hz " + b.topic() + ")");
        }
        Duration freshness = tool.freshness() != null ? tool.freshness() : DEFAULT_FRESHNESS;
        long age = latest.now() - s.arrivedNanos();
        if (age > freshness.toNanos()) {
            throw RobotException.robotError(tool.qualifiedName() + ": the latest message on " + b.topic() + " is "
                    + String.format(java.util.Locale.ROOT, "%.1f", age / 1e9) + " s old, older than the " + seconds(freshness)
                    + " s allowed (freshness_s at " + tool.source() + "); the robot has stopped publishing it");
        }
        return RosReadings.convert(b.type(), s.message());
    }

    private Map<String, Object> command(ToolDeclaration tool, RosBinding b, Map<String, Object> args)
            throws InterruptedException {
        RosPublisher pub = publishers.get(b.topic());
        if (pub.subscriberCount() == 0 && !pub.awaitSubscribers(1, b.timeout())) {
            throw RobotException.timeout(tool.qualifiedName() + ": no node subscribes to " + b.topic() + " (" + b.type()
                    + ") within " + seconds(b.timeout()) + " s; is the robot's base controller running?");
        }
        Map<String, Object> message = message(b.fields(), args, false);
        Map<String, Object> zero = message(b.fields(), args, true);
        if (b.durationParam() == null) {
            pub.publish(message);
            return result("sent", "topic", pub.topic());
        }
        double duration = args.get(b.durationParam()) instanceof Number n ? n.doubleValue() : 0;
        double[] distance = {0};
        double[][] last = {null};
        AutoCloseable watch = b.odomTopic() == null ? () -> { } : latest.watch(node.resolve(b.odomTopic()), m -> {
            Map<String, Object> p = RosReadings.pose(m);
            double[] xy = {(Double) p.get("x"), (Double) p.get("y")};
            if (last[0] != null) {
                distance[0] += Math.hypot(xy[0] - last[0][0], xy[1] - last[0][1]);
            }
            last[0] = xy;
        });
        long start = System.nanoTime();
        long end = start + (long) (duration * 1e9);
        long period = (long) (1e9 / b.rateHz());
        try {
            for (long next = start; System.nanoTime() < end; next += period) {
                pub.publish(message);
                long sleep = Math.min(next + period, end) - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
            }
        } catch (InterruptedException e) {
            closeQuietly(watch);
            throw e;
        } finally {
            pub.publish(zero);
        }
        Map<String, Object> r = result("done");
        if (b.odomTopic() != null) {
            // the base ramps down after the zero command: report where it came to rest
            try {
                latest.awaitNext(node.resolve(b.odomTopic()), m -> {
                    Map<String, Object> p = RosReadings.pose(m);
                    return Math.abs((Double) p.get("linear")) < 0.005 && Math.abs((Double) p.get("angular")) < 0.005;
                }, 2000);
            } finally {
                closeQuietly(watch);
            }
            LatestMessages.Sample s = latest.latest(node.resolve(b.odomTopic()));
            r.put("odom", s == null ? null : RosReadings.odom(s.message()));
            r.put("distance", Math.round(distance[0] * 1000) / 1000.0);
        }
        r.put("duration", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        return r;
    }

    private Object service(ToolDeclaration tool, RosBinding b, Map<String, Object> args) throws InterruptedException {
        Map<String, Object> request = b.fields().isEmpty() ? byName(args) : message(b.fields(), args, false);
        Map<String, Object> response = call(tool, b.service(), b.type(), request, b.timeout(), null);
        return RosReadings.plain(response);
    }

    private static Map<String, Object> byName(Map<String, Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        args.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private Object toolCall(ToolDeclaration tool, RosBinding b, Map<String, Object> args) throws InterruptedException {
        String argsJson;
        try {
            argsJson = JSON.writeValueAsString(byName(args));
        } catch (JsonProcessingException e) {
            throw RobotException.badValue(tool.qualifiedName() + ": the arguments cannot be sent as JSON: " + e.getOriginalMessage());
        }
        Map<String, Object> request = Map.of("api", b.api(), "args_json", argsJson);
        Map<String, Object> response;
        if (tool.motion()) {
            if (lease.subscriberCount() == 0) {
                lease.awaitSubscribers(1, Duration.ofSeconds(2));
            }
            motionsInFlight.incrementAndGet();
            try {
                response = call(tool, b.service(), b.type(), request, b.timeout(), b.api());
            } finally {
                motionsInFlight.decrementAndGet();
            }
        } else {
            response = call(tool, b.service(), b.type(), request, b.timeout(), b.api());
        }
        if (Boolean.TRUE.equals(response.get("ok"))) {
            try {
                return JSON.readValue(String.valueOf(response.get("result_json")), Object.class);
            } catch (JsonProcessingException e) {
                throw RobotException.robotError(tool.qualifiedName() + ": " + b.service() + " answered with a result that"
                        + " is not JSON: " + e.getOriginalMessage());
            }
        }
        String error = String.valueOf(response.get("error"));
        throw switch (String.valueOf(response.get("error_kind"))) {
            case ToolCallProtocol.BAD_VALUE -> RobotException.badValue(error);
            case ToolCallProtocol.TIMEOUT -> RobotException.timeout(error);
            case ToolCallProtocol.UNKNOWN_API -> RobotException.robotError(error + " (the declaration at " + tool.source()
                    + " names a command the robot node does not have)");
            default -> RobotException.robotError(error);
        };
    }

    /** A service call on a worker thread, so the caller's interruption and the timeout always end the wait. */
    private Map<String, Object> call(ToolDeclaration tool, String service, String type, Map<String, Object> request,
                                     Duration timeout, String api) throws InterruptedException {
        String what = service + (api == null ? "" : " (" + api + ")");
        Callable<Map<String, Object>> task = () -> node.call(service, type, request, timeout.plusSeconds(1));
        Future<Map<String, Object>> f = calls.submit(task);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw RobotException.timeout(tool.qualifiedName() + ": service " + what + " did not answer within "
                    + seconds(timeout) + " s");
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ServiceException se && se.serverError() != null) {
                throw RobotException.robotError(tool.qualifiedName() + ": service " + what + " failed: " + se.serverError());
            }
            if (cause instanceof ServiceException se && se.getMessage().contains("did not answer within")) {
                throw RobotException.timeout(tool.qualifiedName() + ": " + se.getMessage());
            }
            if (cause instanceof TransportException te) {
                throw RobotException.transport(tool.qualifiedName() + ": " + te.getMessage(), te);
            }
            throw RobotException.transport(tool.qualifiedName() + ": calling " + what + " failed: " + cause, cause);
        }
    }

    /** A message from field paths ({@code linear.x}) filled from the arguments, or zero values for them. */
    private static Map<String, Object> message(Map<String, String> fields, Map<String, Object> args, boolean zero) {
        Map<String, Object> message = new LinkedHashMap<>();
        fields.forEach((path, param) -> {
            Object v = args.get(param);
            if (zero) {
                v = v instanceof Boolean ? Boolean.FALSE : v instanceof String ? "" : 0.0;
            }
            if (v == null) {
                return;
            }
            Map<String, Object> at = message;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
                at = inner;
            }
            at.put(parts[parts.length - 1], v);
        });
        return message;
    }

    private static Map<String, Object> result(String status, Object... more) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", status);
        for (int i = 0; i < more.length; i += 2) {
            r.put((String) more[i], more[i + 1]);
        }
        return r;
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.3g", d.toMillis() / 1000.0);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the heartbeat and closes this invoker's publishers and subscriptions (not the node). Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (heartbeat != null) {
            heartbeat.interrupt();
        }
        calls.shutdownNow();
        subscribers.forEach(RosSubscriber::close);
        publishers.values().forEach(RosPublisher::close);
        if (lease != null) {
            lease.close();
        }
    }

    /** Configures a {@link RosToolInvoker}. */
    public static final class Builder {
        private final RosNode node;
        private final ToolSet tools;
        private boolean toolCalls = true;
        private LongSupplier clock = System::nanoTime;

        private Builder(RosNode node, ToolSet tools) {
            this.node = node;
            this.tools = tools;
        }

        /**
         * Whether tools without a {@code ros} key go to a codeact node's {@value ToolCallProtocol#CALL_SERVICE}
         * (default true); off for a plain ROS robot, where calling them is an error naming the declaration.
         */
        public Builder toolCalls(boolean on) {
            this.toolCalls = on;
            return this;
        }

        /** The clock in nanoseconds that dates message arrivals for freshness checks (default {@link System#nanoTime}). */
        public Builder clock(LongSupplier nanos) {
            this.clock = nanos;
            return this;
        }

        /**
         * Checks every declaration's ROS binding, subscribes and advertises.
         *
         * @throws DeclarationException for a bad {@code binding.ros}, naming file:line, tool and key
         * @throws io.codeact.bridge.transport.ros.MasterException if the master cannot be reached
         */
        public RosToolInvoker build() {
            return new RosToolInvoker(this);
        }
    }
}
