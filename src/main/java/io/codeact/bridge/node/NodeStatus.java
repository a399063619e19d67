package io.codeact.bridge.node;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a robot's controller is doing: idle or busy, the running goal (and whether a cancel is under way),
 * and the queue in order.
 *
 * @param robot the robot's name
 * @param current the running goal, or null when idle
 * @param cancelling who asked to cancel the running goal, or null
 * @param queue goals waiting, first to run first
 * @param queueCapacity how many goals may wait
 * @param at when this was taken
 */
public record NodeStatus(String robot, Goal current, String cancelling, List<Goal> queue, int queueCapacity, Instant at) {
    public boolean busy() {
        return current != null;
    }

    /** The JSON payload of the status topic. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("robot", robot);
        m.put("state", busy() ? "busy" : "idle");
        m.put("current", current == null ? null : goalJson(current));
        if (cancelling != null) {
            m.put("cancelling", cancelling);
        }
        List<Map<String, Object>> waiting = new ArrayList<>();
        queue.forEach(g -> waiting.add(goalJson(g)));
        m.put("queue", waiting);
        m.put("queue_capacity", queueCapacity);
        m.put("ts", at.toEpochMilli());
        return m;
    }

    private static Map<String, Object> goalJson(Goal g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("goal_id", g.goalId());
        if (g.text() != null) {
            m.put("text", g.text());
        } else {
            m.put("task", g.task());
        }
        m.put("source", g.source());
        m.put("received", g.received().toEpochMilli());
        return m;
    }
}
