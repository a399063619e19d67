package io.codeact.bridge.agent;

import io.codeact.bridge.sandbox.ActionResult;
import io.codeact.bridge.sandbox.ActionStatus;
import java.util.List;

/** Formats what the model sees after an action: output, error, what the world did, and notes. */
final class ObservationText {
    private ObservationText() {}

    static String of(ActionResult r, List<String> during, List<String> notes, int maxChars) {
        StringBuilder o = new StringBuilder();
        o.append("Observation (").append(r.status().jsonName()).append(", ")
                .append(Math.round(r.durationMillis())).append(" ms):\n");
        boolean any = false;
        if (!r.stdout().isEmpty()) {
            o.append(r.stdout());
            any = true;
        }
        if (!r.stderr().isEmpty()) {
            endLine(o);
            o.append("[stderr]\n").append(r.stderr());
            any = true;
        }
        if (r.error() != null && r.status() != ActionStatus.OK) {
            endLine(o);
            o.append(r.error().traceback().isEmpty() ? r.error().summary() + "\n" : r.error().traceback());
            any = true;
        }
        if (!any) {
            o.append("(no output)\n");
        }
        for (String d : during) {
            endLine(o);
            o.append("[during the action] ").append(d).append('\n');
        }
        for (String n : notes) {
            endLine(o);
            o.append("[note] ").append(n).append('\n');
        }
        return shorten(o.toString(), maxChars);
    }

    private static void endLine(StringBuilder o) {
        if (o.length() > 0 && o.charAt(o.length() - 1) != '\n') {
            o.append('\n');
        }
    }

    /** Keeps the head and the tail of a long observation, with a marker saying how much was cut. */
    static String shorten(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int head = maxChars * 2 / 3;
        int tail = maxChars - head;
        int cut = text.length() - head - tail;
        return text.substring(0, head) + "\n[... " + cut + " characters of this observation cut ...]\n"
                + text.substring(text.length() - tail);
    }
}
