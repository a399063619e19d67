package io.codeact.bridge.tools.ros;

import io.codeact.bridge.transport.ros.Duration;
import io.codeact.bridge.transport.ros.Time;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ROS messages in the shapes the tool declarations return, the same as the in-process simulator's:
 * nav_msgs/Odometry → {@code {x, y, theta, linear, angular, t}}, sensor_msgs/LaserScan → {@code {angle_min,
 * angle_max, angle_increment, range_min, range_max, ranges, t}}, sensor_msgs/BatteryState → {@code {percent,
 * charging, t}}; any other type as its fields with times in seconds. {@code t} is the header stamp in s.
 */
final class RosReadings {
    private RosReadings() {
    }

    static Map<String, Object> convert(String type, Map<String, Object> m) {
        return switch (type) {
            case "nav_msgs/Odometry" -> pose(m);
            case "sensor_msgs/LaserScan" -> scan(m);
            case "sensor_msgs/BatteryState" -> battery(m);
            default -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> plain = (Map<String, Object>) plain(m);
                yield plain;
            }
        };
    }

    static Map<String, Object> pose(Map<String, Object> odom) {
        Map<String, Object> position = map(map(map(odom, "pose"), "pose"), "position");
        Map<String, Object> q = map(map(map(odom, "pose"), "pose"), "orientation");
        Map<String, Object> twist = map(map(odom, "twist"), "twist");
        double yaw = Math.atan2(2 * (num(q, "w") * num(q, "z") + num(q, "x") * num(q, "y")),
                1 - 2 * (num(q, "y") * num(q, "y") + num(q, "z") * num(q, "z")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x", mm(num(position, "x")));
        out.put("y", mm(num(position, "y")));
        out.put("theta", mm(yaw));
        out.put("linear", mm(num(map(twist, "linear"), "x")));
        out.put("angular", mm(num(map(twist, "angular"), "z")));
        out.put("t", stamp(odom));
        return out;
    }

    /** {@code {x, y, theta}} of an odometry message, as the simulator's results carry it. */
    static Map<String, Object> odom(Map<String, Object> odometry) {
        Map<String, Object> p = pose(odometry);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x", p.get("x"));
        out.put("y", p.get("y"));
        out.put("theta", p.get("theta"));
        return out;
    }

    static Map<String, Object> scan(Map<String, Object> scan) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : List.of("angle_min", "angle_max", "angle_increment")) {
            out.put(f, round(num(scan, f), 1e6));
        }
        out.put("range_min", round(num(scan, "range_min"), 1e3));
        out.put("range_max", round(num(scan, "range_max"), 1e3));
        List<Double> ranges = new ArrayList<>();
        if (scan.get("ranges") instanceof List<?> list) {
            for (Object r : list) {
                ranges.add(r instanceof Number n ? mm(n.doubleValue()) : Double.NaN);
            }
        }
        out.put("ranges", ranges);
        out.put("t", stamp(scan));
        return out;
    }

    static Map<String, Object> battery(Map<String, Object> state) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("percent", round(num(state, "percentage") * 100, 10));
        out.put("charging", state.get("power_supply_status") instanceof Number n && n.intValue() == 1);
        out.put("t", stamp(state));
        return out;
    }

    /** A message as JSON-friendly values: times and durations in seconds, byte arrays as lists, float32 as double. */
    static Object plain(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(RosReadings::plain).toList();
        }
        if (value instanceof byte[] b) {
            List<Integer> out = new ArrayList<>(b.length);
            for (byte x : b) {
                out.add(x & 0xff);
            }
            return out;
        }
        if (value instanceof Time t) {
            return t.toSeconds();
        }
        if (value instanceof Duration d) {
            return d.toSeconds();
        }
        if (value instanceof Float f) {
            return round(f.doubleValue(), 1e6);
        }
        return value;
    }

    private static double stamp(Map<String, Object> m) {
        return map(m, "header").get("stamp") instanceof Time t ? round(t.toSeconds(), 1e3) : 0.0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return m != null && m.get(key) instanceof Map<?, ?> inner ? (Map<String, Object>) inner : Map.of();
    }

    private static double num(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : 0.0;
    }

    private static double mm(double v) {
        return round(v, 1e3);
    }

    private static double round(double v, double scale) {
        return Double.isFinite(v) ? Math.round(v * scale) / scale : v;
    }
}
