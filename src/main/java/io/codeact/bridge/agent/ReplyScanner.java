package io.codeact.bridge.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a model reply (already {@linkplain ReplyText#normalize normalized}) into the regions the action
 * parsers care about, in reply order: fenced blocks, inline code spans and, when asked, the
 * {@code <execute>} and {@code <solution>} tags. Everything between regions is prose.
 *
 * <p>A region is consumed whole, so a tag inside a fence or an inline code span is not a tag, and
 * a closing {@code </execute>} inside a Python string literal does not end the block.
 */
final class ReplyScanner {
    enum Kind { EXECUTE, SOLUTION, FENCE, INLINE_CODE }

    /**
     * One region. {@code start}/{@code end} span the whole region including its markers;
     * {@code contentStart}/{@code contentEnd} its inside. {@code info} is a fence's info string
     * (lower case) or a tag's attributes; {@code closed} is false when the reply ended inside it.
     */
    record Region(Kind kind, int start, int end, int contentStart, int contentEnd, String name, String info,
                  boolean closed) {
        String content(String text) {
            return text.substring(contentStart, contentEnd);
        }

        /** The first word of a fence's info string: {@code python} for {@code ```python title="x"}. */
        String language() {
            String s = info.strip();
            int space = s.indexOf(' ');
            return space < 0 ? s : s.substring(0, space);
        }
    }

    private static final Pattern FENCE_OPEN = Pattern.compile("[ \\t]*(`{3,}|~{3,})([^\\n]*)(?:\\n|$)");
    private static final Pattern OPEN_TAG = Pattern.compile(
            "<(execute|execute_ipython|execute_python|solution)(\\s[^<>]*)?>", Pattern.CASE_INSENSITIVE);

    private ReplyScanner() {}

    static List<Region> scan(String text, boolean tags) {
        List<Region> regions = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (i == 0 || text.charAt(i - 1) == '\n') {
                Region fence = fenceAt(text, i);
                if (fence != null) {
                    regions.add(fence);
                    i = fence.end();
                    continue;
                }
            }
            char c = text.charAt(i);
            if (c == '`') {
                int run = runLength(text, i, '`');
                Region inline = inlineCodeAt(text, i, run);
                if (inline != null) {
                    regions.add(inline);
                    i = inline.end();
                } else {
                    i += run;
                }
                continue;
            }
            if (tags && c == '<') {
                Matcher open = OPEN_TAG.matcher(text).region(i, n);
                if (open.lookingAt()) {
                    Region tag = tagAt(text, open);
                    regions.add(tag);
                    i = tag.end();
                    continue;
                }
            }
            i++;
        }
        return regions;
    }

    private static Region fenceAt(String text, int lineStart) {
        Matcher open = FENCE_OPEN.matcher(text).region(lineStart, text.length());
        if (!open.lookingAt()) {
            return null;
        }
        String marker = open.group(1);
        String info = open.group(2);
        if (marker.charAt(0) == '`' && info.indexOf('`') >= 0) {
            return null; // ```print(1)``` on one line is an inline code span, not a fence
        }
        int contentStart = open.end();
        Pattern close = Pattern.compile("[ \\t]*" + Pattern.quote(String.valueOf(marker.charAt(0))) + "{"
                + marker.length() + ",}[ \\t]*(?:\\n|$)");
        int line = contentStart;
        while (line < text.length()) {
            Matcher m = close.matcher(text).region(line, text.length());
            if (m.lookingAt()) {
                return new Region(Kind.FENCE, lineStart, m.end(), contentStart, line, "fence",
                        info.strip().toLowerCase(Locale.ROOT), true);
            }
            int next = text.indexOf('\n', line);
            if (next < 0) {
                break;
            }
            line = next + 1;
        }
        return new Region(Kind.FENCE, lineStart, text.length(), Math.min(contentStart, text.length()),
                text.length(), "fence", info.strip().toLowerCase(Locale.ROOT), false);
    }

    /** A code span closes at the next run of exactly as many backticks, within the paragraph. */
    private static Region inlineCodeAt(String text, int start, int run) {
        int paragraphEnd = text.indexOf("\n\n", start);
        int limit = paragraphEnd < 0 ? text.length() : paragraphEnd;
        int i = start + run;
        while (i < limit) {
            if (text.charAt(i) == '`') {
                int other = runLength(text, i, '`');
                if (other == run && i + other <= limit) {
                    return new Region(Kind.INLINE_CODE, start, i + other, start + run, i, "code", "", true);
                }
                i += other;
            } else {
                i++;
            }
        }
        return null;
    }

    private static Region tagAt(String text, Matcher open) {
        String name = open.group(1).toLowerCase(Locale.ROOT);
        String attributes = open.group(2) == null ? "" : open.group(2).strip();
        int contentStart = open.end();
        Pattern closeTag = Pattern.compile("</" + name + "\\s*>", Pattern.CASE_INSENSITIVE);
        int close = name.equals("solution")
                ? find(closeTag, text, contentStart)
                : findOutsidePythonStrings(closeTag, text, contentStart);
        if (close < 0) {
            return new Region(name.equals("solution") ? Kind.SOLUTION : Kind.EXECUTE, open.start(), text.length(),
                    contentStart, text.length(), name, attributes, false);
        }
        Matcher m = closeTag.matcher(text).region(close, text.length());
        m.lookingAt();
        return new Region(name.equals("solution") ? Kind.SOLUTION : Kind.EXECUTE, open.start(), m.end(),
                contentStart, close, name, attributes, true);
    }

    private static int find(Pattern tag, String text, int from) {
        Matcher m = tag.matcher(text);
        return m.find(from) ? m.start() : -1;
    }

    /**
     * The first closing tag that is not inside a Python string literal. Comments do not hide a tag
     * ({@code x = 1  # done</execute>} closes), but quotes inside a comment are not strings. If the
     * code has an unterminated triple-quoted string the string-aware search ends inside it; the first
     * closing tag anywhere is then taken, so a broken string costs a SyntaxError, not the rest of the reply.
     * Returns -1 when there is no closing tag (the reply was cut, e.g. by the {@code </execute>} stop sequence).
     */
    static int findOutsidePythonStrings(Pattern tag, String text, int from) {
        int n = text.length();
        int i = from;
        char quote = 0;
        boolean triple = false;
        boolean comment = false;
        while (i < n) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (!triple && c == '\n') {
                    quote = 0; // an unterminated one-line string ends with its line
                } else if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), i))) {
                    i += triple ? 3 : 1;
                    quote = 0;
                    continue;
                }
                i++;
                continue;
            }
            if (c == '<' && tag.matcher(text).region(i, n).lookingAt()) {
                return i;
            }
            if (comment) {
                comment = c != '\n';
            } else if (c == '#') {
                comment = true;
            } else if (c == '\'' || c == '"') {
                quote = c;
                triple = text.startsWith(String.valueOf(c).repeat(3), i);
                i += triple ? 3 : 1;
                continue;
            }
            i++;
        }
        return quote != 0 && triple ? find(tag, text, from) : -1;
    }

    private static int runLength(String text, int start, char c) {
        int i = start;
        while (i < text.length() && text.charAt(i) == c) {
            i++;
        }
        return i - start;
    }
}
