package io.codeact.bridge.transport.mqtt;

/**
 * The topics of one device API under the bridge's prefix (docs/MQTT.md):
 * {@code <prefix>/<device>/<api>/cmd} (commands, QoS 1, never retained), {@code <prefix>/<device>/<api>/state}
 * (state with the last applied {@code cmd_id}, QoS 1, retained) and {@code <prefix>/<device>/availability}
 * ({@code online}/{@code offline}, retained, the device's last will).
 *
 * @param prefix first level(s), e.g. {@code codeact}
 * @param device one level naming the device, e.g. {@code lamp1}
 * @param api one level naming the API, e.g. {@code light}
 */
public record DeviceTopics(String prefix, String device, String api) {
    public DeviceTopics {
        check("prefix", prefix, true);
        check("device", device, false);
        check("api", api, false);
    }

    public String command() {
        return prefix + "/" + device + "/" + api + "/cmd";
    }

    public String state() {
        return prefix + "/" + device + "/" + api + "/state";
    }

    public String availability() {
        return prefix + "/" + device + "/availability";
    }

    /** The filter matching every device's state under {@code prefix}. */
    public static String allStates(String prefix) {
        return prefix + "/+/+/state";
    }

    /** Reads {@code <prefix>/<device>/<api>/<kind>} back; null if {@code topic} is not of that shape. */
    public static DeviceTopics parse(String prefix, String topic) {
        if (!topic.startsWith(prefix + "/")) {
            return null;
        }
        String[] rest = topic.substring(prefix.length() + 1).split("/", -1);
        return rest.length == 3 && !rest[0].isEmpty() && !rest[1].isEmpty() ? new DeviceTopics(prefix, rest[0], rest[1]) : null;
    }

    private static void check(String what, String value, boolean multiLevel) {
        if (value == null || value.isEmpty() || value.contains("+") || value.contains("#")
                || (!multiLevel && value.contains("/")) || value.startsWith("/") || value.endsWith("/")) {
            throw new IllegalArgumentException(what + " must be " + (multiLevel ? "a topic path" : "one topic level")
                    + " without wildcards" + (multiLevel ? " or leading/trailing '/'" : " or '/'") + ", got '" + value + "'");
        }
    }
}
