package io.codeact.bridge.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Text chores shared by the action parsers: line endings, dedent, line/column positions, code sniffing. */
final class ReplyText {
    private static final Pattern PYTHON_STATEMENT = Pattern.compile(String.join("|",
            "(?:import\\s+[A-Za-z_][\\w.]*(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[A-Za-z_][\\w.]*)*)\\s*",
            "from\\s+[\\w.]+\\s+import\\s+.+",
            "(?:for|async\\s+for)\\s+\\w+(?:\\s*,\\s*\\w+)*\\s+in\\s+.+:\\s*(?:#.*)?",
            "(?:if|elif|while|with)\\s+.+:\\s*(?:#.*)?",
            "(?:else|try|finally)\\s*:\\s*(?:#.*)?",
            "except(?:\\s+.+)?:\\s*(?:#.*)?",
            "(?:async\\s+)?def\\s+\\w+\\s*\\(.*",
            "class\\s+\\w+.*:\\s*(?:#.*)?",
            "print\\s*\\(.*",
            "raise\\s+\\w*(?:Error|Exception)\\b.*",
            "assert\\s+.+",
            // assignment (not a comparison), including augmented and tuple targets
            "[A-Za-z_][\\w.]*(?:\\[[^\\]]*\\])?(?:\\s*,\\s*[A-Za-z_][\\w.]*)*\\s*(?:[-+*/%]|//)?=(?!=)\\s*\\S.*",
            // a call on its own line: robot.drive(0.5)
            "[A-Za-z_][\\w.]*\\s*\\(.*\\)\\s*(?:#.*)?"));

    private ReplyText() {}

    /** Null-safe; drops a byte-order mark and turns CRLF and lone CR into LF. */
    static String normalize(String reply) {
        if (reply == null) {
            return "";
        }
        String text = reply.startsWith("\uFEFF") ? reply.substring(1) : reply;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Removes leading and trailing blank lines and the indentation common to all non-blank lines
     * (spaces and tabs compared literally, as Python's {@code textwrap.dedent} does).
     */
    static String dedent(String block) {
        List<String> lines = new ArrayList<>(List.of(block.split("\n", -1)));
        while (!lines.isEmpty() && lines.getFirst().isBlank()) {
            lines.removeFirst();
        }
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
        String common = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            common = common == null ? indent : commonPrefix(common, indent);
        }
        int cut = common == null ? 0 : common.length();
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.isBlank() ? "" : line.substring(cut).stripTrailing());
        }
        return out.toString();
    }

    private static String commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }

    /** {@code "line 3, column 7"}: 1-based position of {@code offset} in {@code text}. */
    static String position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }

    /** Whether a line, stripped, reads as a Python statement rather than prose or program output. */
    static boolean isPythonStatement(String line) {
        return PYTHON_STATEMENT.matcher(line.strip()).matches();
    }

    /**
     * Whether a block reads as Python: at least half of its non-blank, non-comment lines are
     * statements (continuation lines of a multi-line call are not counted against it).
     */
    static boolean looksLikePython(String block) {
        int statements = 0;
        int others = 0;
        for (String line : block.split("\n")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (isPythonStatement(s)) {
                statements++;
            } else if (!line.startsWith(" ") && !line.startsWith("\t") && !s.matches("[)\\]}].*")) {
                others++;
            }
        }
        return statements > 0 && statements >= others;
    }

    /** The first {@code max} characters of a one-line rendering of {@code text}, with an ellipsis if cut. */
    static String shorten(String text, int max) {
        String oneLine = text.strip().replaceAll("\\s*\n\\s*", " ⏎ ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
