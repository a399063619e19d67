package io.codeact.bridge.sim.node;

import io.codeact.bridge.transport.ros.Time;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulator's readings as the standard ROS messages a real base publishes (field maps for RosPublisher). */
final class RosSimMessages {
    static final String ODOM_FRAME = "odom";
    static final String BASE_FRAME = "base_link";
    static final String LASER_FRAME = "base_scan";

    private RosSimMessages() {
    }

    static Map<String, Object> header(Time stamp, String frame) {
        return Map.of("stamp", stamp, "frame_id", frame);
    }

    /** {@code odom.pose} ({x, y, theta, linear, angular}) as nav_msgs/Odometry in the odom frame. */
    static Map<String, Object> odometry(Map<String, Object> pose, Time stamp) {
        double theta = number(pose, "theta");
        Map<String, Object> orientation = Map.of("x", 0.0, "y", 0.0, "z", Math.sin(theta / 2), "w", Math.cos(theta / 2));
        Map<String, Object> position = Map.of("x", number(pose, "x"), "y", number(pose, "y"), "z", 0.0);
        Map<String, Object> twist = Map.of(
                "linear", Map.of("x", number(pose, "linear"), "y", 0.0, "z", 0.0),
                "angular", Map.of("x", 0.0, "y", 0.0, "z", number(pose, "angular")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("header", header(stamp, ODOM_FRAME));
        m.put("child_frame_id", BASE_FRAME);
        m.put("pose", Map.of("pose", Map.of("position", position, "orientation", orientation)));
        m.put("twist", Map.of("twist", twist));
        return m;
    }

    /** {@code lidar.scan} as sensor_msgs/LaserScan; {@code scanTime} is the publishing period in s. */
    static Map<String, Object> laserScan(Map<String, Object> scan, Time stamp, double scanTime) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("header", header(stamp, LASER_FRAME));
        for (String f : List.of("angle_min", "angle_max", "angle_increment", "range_min", "range_max")) {
            m.put(f, number(scan, f));
        }
        m.put("time_increment", 0.0);
        m.put("scan_time", scanTime);
        m.put("ranges", scan.get("ranges"));
        m.put("intensities", List.of());
        return m;
    }

    /** {@code battery.level} ({percent, charging}) as sensor_msgs/BatteryState (percentage 0..1). */
    static Map<String, Object> batteryState(Map<String, Object> level, Time stamp) {
        double percent = number(level, "percent");
        boolean charging = Boolean.TRUE.equals(level.get("charging"));
        int status = percent >= 100 ? 4 : charging ? 1 : 2; // FULL, CHARGING, DISCHARGING
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("header", header(stamp, BASE_FRAME));
        for (String f : List.of("voltage", "temperature", "current", "charge", "capacity", "design_capacity")) {
            m.put(f, Float.NaN);
        }
        m.put("percentage", (float) (percent / 100.0));
        m.put("power_supply_status", status);
        m.put("power_supply_health", 1);      // GOOD
        m.put("power_supply_technology", 2);  // LION
        m.put("present", true);
        m.put("location", "base");
        return m;
    }

    static Map<String, Object> clock(Time now) {
        return Map.of("clock", now);
    }

    private static double number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : 0.0;
    }
}
