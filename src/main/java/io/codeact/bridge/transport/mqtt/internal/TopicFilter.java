package io.codeact.bridge.transport.mqtt.internal;

/** MQTT topic filter matching and validation (MQTT 5 §4.7), without allocation on the matching path. */
public final class TopicFilter {
    private TopicFilter() {}

    /** Whether {@code topic} matches {@code filter}; {@code $share/group/} prefixes are ignored. */
    public static boolean matches(String filter, String topic) {
        if (filter.startsWith("$share/")) {
            int slash = filter.indexOf('/', 7);
            filter = slash < 0 ? filter : filter.substring(slash + 1);
        }
        // Topics starting with $ (such as $SYS) are not matched by filters starting with a wildcard.
        if (!topic.isEmpty() && topic.charAt(0) == '$' && !filter.isEmpty() && (filter.charAt(0) == '+' || filter.charAt(0) == '#')) {
            return false;
        }
        int f = 0;
        int t = 0;
        int fl = filter.length();
        int tl = topic.length();
        while (true) {
            int fEnd = filter.indexOf('/', f);
            fEnd = fEnd < 0 ? fl : fEnd;
            if (fEnd - f == 1 && filter.charAt(f) == '#') {
                return true;
            }
            int tEnd = topic.indexOf('/', t);
            tEnd = tEnd < 0 ? tl : tEnd;
            boolean plus = fEnd - f == 1 && filter.charAt(f) == '+';
            if (!plus && (fEnd - f != tEnd - t || !filter.regionMatches(f, topic, t, fEnd - f))) {
                return false;
            }
            boolean filterEnds = fEnd == fl;
            boolean topicEnds = tEnd == tl;
            if (filterEnds || topicEnds) {
                // "a/#" also matches "a": the parent level.
                return filterEnds == topicEnds || (topicEnds && fEnd + 2 == fl && filter.charAt(fEnd + 1) == '#');
            }
            f = fEnd + 1;
            t = tEnd + 1;
        }
    }

    /** Null if {@code filter} is a valid subscription filter, else what is wrong with it. */
    public static String problemWithFilter(String filter) {
        if (filter == null || filter.isEmpty()) {
            return "a topic filter must not be empty";
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "'#' must be a whole level and the last one, as in sensors/#";
            }
            if (level.contains("+") && !level.equals("+")) {
                return "'+' must be a whole level, as in sensors/+/temperature";
            }
        }
        return null;
    }

    /** Null if {@code topic} is a valid topic to publish to, else what is wrong with it. */
    public static String problemWithTopic(String topic) {
        if (topic == null || topic.isEmpty()) {
            return "a topic must not be empty";
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return "a topic to publish to must not contain the wildcards + or #";
        }
        return null;
    }
}
