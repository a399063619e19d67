package io.codeact.bridge.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.transport.Subscription;
import io.codeact.bridge.transport.TransportException;
import io.codeact.bridge.transport.TransportMessage;
import io.codeact.bridge.transport.mqtt.MqttEvent;
import io.codeact.bridge.transport.mqtt.MqttTransport;
import io.codeact.bridge.transport.mqtt.Qos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller node over MQTT, under {@code <prefix>/agent/<robot>/} (see docs/NODE.md):
 * <pre>
 * goal          in   JSON goal ({@link GoalParser})
 * cancel        in   {"goal_id": "g1"}, or empty for the running goal
 * feedback      out  one JSON message per turn (QoS 1)
 * result        out  one JSON message per goal (QoS 1), also for refused goals
 * status        out  JSON: idle/busy, the running goal, the queue (QoS 1, retained)
 * availability  out  online / offline (retained; offline is the connection's last will)
 * </pre>
 * Incoming messages are handled in order on the front's own thread, never on Paho's.
 */
final class MqttGoalFront implements NodeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttGoalFront.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RobotController controller;
    private final MqttTransport mqtt;
    private final String base;
    private final ExecutorService inbox;
    private final List<Subscription> subscriptions = new ArrayList<>();

    private MqttGoalFront(RobotController controller, MqttTransport mqtt, String base) {
        this.controller = controller;
        this.mqtt = mqtt;
        this.base = base;
        this.inbox = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("mqtt-goals-" + controller.robot()).daemon(true).factory());
    }

    /**
     * Subscribes to the goal and cancel topics under {@code base} and publishes the current status.
     *
     * @throws TransportException if the broker refuses the subscriptions
     */
    static MqttGoalFront open(RobotController controller, MqttTransport mqtt, String base) {
        MqttGoalFront front = new MqttGoalFront(controller, mqtt, base);
        controller.addListener(front);
        try {
            front.subscriptions.add(mqtt.subscribe(base + "/goal", "raw", Qos.AT_LEAST_ONCE,
                    m -> front.inbox.execute(() -> front.onGoal(m))));
            front.subscriptions.add(mqtt.subscribe(base + "/cancel", "raw", Qos.AT_LEAST_ONCE,
                    m -> front.inbox.execute(() -> front.onCancel(m))));
        } catch (RuntimeException e) {
            front.close();
            throw e;
        }
        front.onStatus(controller.status());
        return front;
    }

    String base() {
        return base;
    }

    private void later(Runnable work) {
        try {
            inbox.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the front is closing: goals that arrive now are not taken
        }
    }

    private void onGoal(TransportMessage m) {
        byte[] payload = (byte[]) m.fields().get("data");
        Goal goal;
        try {
            goal = GoalParser.parse(payload, "mqtt", controller::newGoalId);
        } catch (MalformedGoalException e) {
            controller.reject(e.goalId(), "malformed goal on " + m.topic() + ": " + e.getMessage());
            return;
        }
        controller.submit(goal);
    }

    private void onCancel(TransportMessage m) {
        String text = new String((byte[]) m.fields().get("data"), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            controller.cancel(null, "mqtt");
            return;
        }
        String goalId = null;
        try {
            JsonNode node = JSON.readTree(text);
            JsonNode id = node != null && node.isObject() ? node.get("goal_id") : null;
            if (id == null || id.isNull()) {
                controller.cancel(null, "mqtt");
                return;
            }
            if (id.isTextual() && !id.asText().isBlank()) {
                goalId = id.asText();
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        if (goalId == null) {
            String detail = "a cancel is empty (the running goal) or {\"goal_id\": \"<id>\"}; got " + abbreviate(text);
            LOG.warn("{}: ignored cancel on {}: {}", controller.robot(), m.topic(), detail);
            mqtt.reportRejected(m.topic(), MqttEvent.Problem.MALFORMED_PAYLOAD, detail);
            return;
        }
        controller.cancel(goalId, "mqtt");
    }

    @Override
    public void onFeedback(GoalFeedback feedback) {
        send(base + "/feedback", feedback.toJson(), false);
    }

    @Override
    public void onResult(GoalResult result) {
        send(base + "/result", result.toJson(), false);
    }

    @Override
    public void onStatus(NodeStatus status) {
        send(base + "/status", status.toJson(), true);
    }

    private void send(String topic, java.util.Map<String, Object> fields, boolean retain) {
        try {
            mqtt.publish(topic, "json", fields, Qos.AT_LEAST_ONCE, retain);
        } catch (TransportException e) {
            LOG.warn("{}: could not publish on {}: {}", controller.robot(), topic, e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? "'" + s.substring(0, 77) + "...'" : "'" + s + "'";
    }

    /** Stops taking goals and cancels from MQTT; the transport is the caller's. */
    @Override
    public void close() {
        controller.removeListener(this);
        for (Subscription s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe failed", e);
            }
        }
        inbox.shutdown();
        try {
            inbox.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
