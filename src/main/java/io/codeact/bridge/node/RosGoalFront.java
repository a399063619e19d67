package io.codeact.bridge.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.transport.ros.RosNode;
import io.codeact.bridge.transport.ros.RosPublisher;
import io.codeact.bridge.transport.ros.RosSubscriber;
import io.codeact.bridge.transport.ros.Time;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller node as an actionlib-style set of ROS topics under {@code /<robot>/codeact/} (see
 * docs/NODE.md):
 * <pre>
 * goal      in   std_msgs/String, data = the JSON goal (as on MQTT)
 * cancel    in   actionlib_msgs/GoalID: an id cancels that goal; an empty id cancels every goal received
 *                at or before the stamp, all of them when the stamp is zero (actionlib's rules)
 * feedback  out  std_msgs/String, data = JSON feedback per turn
 * result    out  std_msgs/String, data = JSON result per goal
 * status    out  actionlib_msgs/GoalStatusArray at {@value #STATUS_HZ} Hz and on every change: the running goal
 *                ACTIVE (PREEMPTING while a cancel is under way), queued ones PENDING, and for
 *                {@value #FINISHED_KEPT_S} s after their end SUCCEEDED, ABORTED, PREEMPTED, RECALLED or REJECTED
 * </pre>
 * Goals and cancels are handled in order on the front's own thread, never on a connection's.
 */
final class RosGoalFront implements NodeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RosGoalFront.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int STATUS_HZ = 5;
    static final int FINISHED_KEPT_S = 5;

    // actionlib_msgs/GoalStatus codes
    static final int PENDING = 0;
    static final int ACTIVE = 1;
    static final int PREEMPTED = 2;
    static final int SUCCEEDED = 3;
    static final int ABORTED = 4;
    static final int REJECTED = 5;
    static final int PREEMPTING = 6;
    static final int RECALLED = 8;

    private record Finished(String goalId, Instant stamp, int status, String text, Instant at) {}

    private final RobotController controller;
    private final RosNode node;
    private final String base;
    private final ScheduledExecutorService thread;
    private final List<AutoCloseable> endpoints = new ArrayList<>();
    private final Deque<Finished> finished = new ArrayDeque<>();
    private final Map<String, Instant> stamps = new LinkedHashMap<>();
    private RosPublisher feedback;
    private RosPublisher result;
    private RosPublisher status;
    private long seq;

    private RosGoalFront(RobotController controller, RosNode node, String base) {
        this.controller = controller;
        this.node = node;
        this.base = base;
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ros-goals-" + controller.robot())
                .daemon(true).factory());
    }

    /**
     * Advertises and subscribes the topics under {@code base} on {@code node} and starts the status beat.
     *
     * @throws RuntimeException from the node when the master refuses a registration
     */
    static RosGoalFront open(RobotController controller, RosNode node, String base) {
        RosGoalFront front = new RosGoalFront(controller, node, base);
        try {
            front.feedback = front.advertise(base + "/feedback", "std_msgs/String");
            front.result = front.advertise(base + "/result", "std_msgs/String");
            front.status = front.advertise(base + "/status", "actionlib_msgs/GoalStatusArray");
            controller.addListener(front);
            RosSubscriber goals = node.subscribe(base + "/goal", "std_msgs/String",
                    m -> front.later(() -> front.onGoal(m)));
            front.endpoints.add(goals);
            RosSubscriber cancels = node.subscribe(base + "/cancel", "actionlib_msgs/GoalID",
                    m -> front.later(() -> front.onCancel(m)));
            front.endpoints.add(cancels);
        } catch (RuntimeException e) {
            front.close();
            throw e;
        }
        front.thread.scheduleAtFixedRate(front::publishStatus, 0, 1000 / STATUS_HZ, TimeUnit.MILLISECONDS);
        return front;
    }

    private RosPublisher advertise(String topic, String type) {
        RosPublisher p = node.advertise(topic, type);
        endpoints.add(p);
        return p;
    }

    String base() {
        return base;
    }

    private void onGoal(Map<String, Object> message) {
        String data = String.valueOf(message.get("data"));
        Goal goal;
        try {
            goal = GoalParser.parse(data, "ros", controller::newGoalId);
        } catch (MalformedGoalException e) {
            controller.reject(e.goalId(), "malformed goal on " + base + "/goal: " + e.getMessage());
            return;
        }
        synchronized (stamps) {
            stamps.put(goal.goalId(), goal.received());
            while (stamps.size() > 1000) {
                stamps.remove(stamps.keySet().iterator().next());
            }
        }
        controller.submit(goal);
    }

    private void onCancel(Map<String, Object> message) {
        String id = String.valueOf(message.getOrDefault("id", ""));
        Object stamp = message.get("stamp");
        if (!id.isEmpty()) {
            controller.cancel(id, "ros");
            return;
        }
        Instant before = null;
        if (stamp instanceof Time t && !t.equals(Time.ZERO)) {
            before = Instant.ofEpochSecond(t.secs(), t.nsecs());
        }
        controller.cancelAll(before, "ros");
    }

    @Override
    public void onFeedback(GoalFeedback f) {
        send(feedback, f.toJson());
    }

    @Override
    public void onResult(GoalResult r) {
        send(result, r.toJson());
        if (r.goalId() != null) {
            Instant stamp;
            synchronized (stamps) {
                stamp = stamps.remove(r.goalId());
            }
            int code = switch (r.outcome()) {
                case GoalResult.REJECTED -> REJECTED;
                case GoalResult.CANCELLED -> r.turns() == 0 && r.log() == null ? RECALLED : PREEMPTED;
                default -> r.success() ? SUCCEEDED : ABORTED;
            };
            synchronized (finished) {
                finished.addLast(new Finished(r.goalId(), stamp == null ? Instant.now() : stamp, code,
                        r.error() == null ? r.outcome() : r.outcome() + ": " + r.error(), Instant.now()));
                while (finished.size() > 100) {
                    finished.removeFirst();
                }
            }
        }
        later(this::publishStatus);
    }

    @Override
    public void onStatus(NodeStatus s) {
        later(this::publishStatus);
    }

    private void later(Runnable work) {
        try {
            thread.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the front is closing: nothing more goes out or comes in
        }
    }

    private void publishStatus() {
        try {
            NodeStatus s = controller.status();
            List<Map<String, Object>> list = new ArrayList<>();
            Instant now = Instant.now();
            synchronized (finished) {
                finished.removeIf(f -> f.at().isBefore(now.minusSeconds(FINISHED_KEPT_S)));
                for (Finished f : finished) {
                    list.add(goalStatus(f.goalId(), f.stamp(), f.status(), f.text()));
                }
            }
            if (s.current() != null) {
                list.add(goalStatus(s.current().goalId(), s.current().received(),
                        s.cancelling() != null ? PREEMPTING : ACTIVE,
                        s.cancelling() != null ? "cancelling (by " + s.cancelling() + ")" : "running: " + s.current().describe()));
            }
            for (Goal g : s.queue()) {
                list.add(goalStatus(g.goalId(), g.received(), PENDING, "queued: " + g.describe()));
            }
            Map<String, Object> header = Map.of("seq", seq++, "stamp", now, "frame_id", "");
            status.publish(Map.of("header", header, "status_list", list));
        } catch (RuntimeException e) {
            if (!node.isClosed()) {
                LOG.warn("{}: could not publish the goal status: {}", controller.robot(), e.getMessage());
            }
        }
    }

    private static Map<String, Object> goalStatus(String id, Instant stamp, int code, String text) {
        return Map.of("goal_id", Map.of("stamp", stamp, "id", id), "status", code, "text", text);
    }

    private void send(RosPublisher publisher, Map<String, Object> payload) {
        try {
            publisher.publish(Map.of("data", JSON.writeValueAsString(payload)));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("{}: could not publish on {}: {}", controller.robot(), publisher.topic(), e.getMessage());
        }
    }

    /** Stops the beat and closes this front's publishers and subscribers; the node is the caller's. */
    @Override
    public void close() {
        controller.removeListener(this);
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable c : endpoints) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", c, e);
            }
        }
    }
}
