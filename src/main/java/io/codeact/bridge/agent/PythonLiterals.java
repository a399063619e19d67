package io.codeact.bridge.agent;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python literals to Java values and back: numbers, strings, {@code True}/{@code False}/{@code None},
 * lists, tuples and dicts, as {@code ast.literal_eval} reads them (without sets, bytes, complex numbers
 * or implicit string concatenation). Integers become {@link Long} (or {@link BigInteger} when larger),
 * floats {@link Double}, tuples and lists {@link List}, dicts {@link LinkedHashMap}.
 */
final class PythonLiterals {
    private PythonLiterals() {}

    /** A syntax error at {@code offset} (in the text being read); the message is for the model. */
    static final class SyntaxError extends Exception {
        private final int offset;

        SyntaxError(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    /** Renders a Java value as the Python literal that reads back as it. */
    static String render(Object value) {
        StringBuilder out = new StringBuilder();
        render(value, out);
        return out.toString();
    }

    private static void render(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("None");
            case Boolean b -> out.append(b ? "True" : "False");
            case Byte b -> out.append(b);
            case Short s -> out.append(s);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case BigInteger i -> out.append(i);
            case Double d -> out.append(renderFloat(d));
            case Float f -> out.append(renderFloat(f.doubleValue()));
            case BigDecimal d -> out.append(d); // 1.50, 1E+3: valid Python number literals
            case CharSequence s -> renderString(s.toString(), out);
            case Character c -> renderString(c.toString(), out);
            case Map<?, ?> map -> {
                out.append('{');
                String sep = "";
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(sep);
                    render(e.getKey(), out);
                    out.append(": ");
                    render(e.getValue(), out);
                    sep = ", ";
                }
                out.append('}');
            }
            case Collection<?> list -> {
                out.append('[');
                String sep = "";
                for (Object item : list) {
                    out.append(sep);
                    render(item, out);
                    sep = ", ";
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
                    + " as a Python literal: use numbers, strings, booleans, null, lists or maps");
        }
    }

    private static String renderFloat(double d) {
        if (Double.isNaN(d)) {
            return "float('nan')";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "float('inf')" : "-float('inf')";
        }
        return Double.toString(d); // 1.0, 0.001, 1.0E-5: all valid Python float literals
    }

    private static void renderString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validSurrogatePair(s, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validSurrogatePair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * A cursor over text that reads literals and the few tokens a call needs. Positions are offsets in
     * the text given to the constructor; errors carry the offset where reading failed.
     */
    static final class Reader {
        private final String text;
        private int pos;

        Reader(String text, int pos) {
            this.text = text;
            this.pos = pos;
        }

        int pos() {
            return pos;
        }

        void reset(int position) {
            pos = position;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        /** Skips spaces, tabs and newlines (a call may span lines inside its parentheses). */
        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean take(char c) {
            skipSpace();
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c, String what) throws SyntaxError {
            if (!take(c)) {
                throw new SyntaxError("expected '" + c + "' " + what + ", found " + found(), pos);
            }
        }

        String found() {
            return atEnd() ? "the end of the reply" : "'" + ReplyText.shorten(text.substring(pos), 12) + "'";
        }

        /** An identifier, or null (nothing consumed) if none starts here. */
        String identifier() {
            skipSpace();
            int start = pos;
            if (pos < text.length() && (Character.isLetter(peek()) || peek() == '_')) {
                while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
                    pos++;
                }
            }
            return pos == start ? null : text.substring(start, pos);
        }

        /** Reads one literal value. */
        Object value() throws SyntaxError {
            skipSpace();
            int start = pos;
            char c = peek();
            if (c == '[') {
                pos++;
                return sequence(']', start);
            }
            if (c == '(') {
                pos++;
                return tuple(start);
            }
            if (c == '{') {
                pos++;
                return dict(start);
            }
            if (c == '"' || c == '\'') {
                return string(false);
            }
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                return number();
            }
            String name = identifier();
            if (name == null) {
                throw new SyntaxError("expected a value (a number, \"string\", True, False, None or [list]), found "
                        + found(), start);
            }
            if ((name.equalsIgnoreCase("r")) && (peek() == '"' || peek() == '\'')) {
                return string(true);
            }
            return switch (name) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                case "None" -> null;
                case "true", "false" -> throw new SyntaxError("'" + name + "' is not Python: write "
                        + (name.equals("true") ? "True" : "False"), start);
                case "null", "none" -> throw new SyntaxError("'" + name + "' is not Python: write None", start);
                default -> throw new SyntaxError("'" + name + "' is a name, not a value: write text in quotes, "
                        + "like \"" + name + "\"", start);
            };
        }

        private List<Object> sequence(char close, int start) throws SyntaxError {
            List<Object> items = new ArrayList<>();
            while (true) {
                if (take(close)) {
                    return items;
                }
                items.add(value());
                if (!take(',')) {
                    if (take(close)) {
                        return items;
                    }
                    throw new SyntaxError("expected ',' or '" + close + "' in the list opened at "
                            + ReplyText.position(text, start) + ", found " + found(), pos);
                }
            }
        }

        private Object tuple(int start) throws SyntaxError {
            if (take(')')) {
                return List.of();
            }
            Object first = value();
            if (take(')')) {
                return first; // (x) is just x
            }
            if (!take(',')) {
                throw new SyntaxError("expected ',' or ')' in the tuple opened at " + ReplyText.position(text, start)
                        + ", found " + found(), pos);
            }
            List<Object> items = new ArrayList<>();
            items.add(first);
            items.addAll(sequence(')', start));
            return items;
        }

        private Map<Object, Object> dict(int start) throws SyntaxError {
            Map<Object, Object> map = new LinkedHashMap<>();
            while (true) {
                if (take('}')) {
                    return map;
                }
                Object key = value();
                expect(':', "after a dict key");
                map.put(key, value());
                if (!take(',')) {
                    if (take('}')) {
                        return map;
                    }
                    throw new SyntaxError("expected ',' or '}' in the dict opened at " + ReplyText.position(text, start)
                            + ", found " + found(), pos);
                }
            }
        }

        private Object number() throws SyntaxError {
            int start = pos;
            if (peek() == '-' || peek() == '+') {
                pos++;
                skipSpace();
            }
            int digits = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.'
                    || (peek() == '-' || peek() == '+') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E'))) {
                pos++;
            }
            String token = text.substring(digits, pos).replace("_", "");
            boolean negative = text.charAt(start) == '-';
            try {
                if (token.matches("0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+")) {
                    int radix = switch (Character.toLowerCase(token.charAt(1))) {
                        case 'x' -> 16;
                        case 'o' -> 8;
                        default -> 2;
                    };
                    return integer(new BigInteger(token.substring(2), radix), negative);
                }
                if (token.matches("[0-9]+")) {
                    return integer(new BigInteger(token), negative);
                }
                if (token.matches("([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")) {
                    double d = Double.parseDouble(token);
                    return negative ? -d : d;
                }
            } catch (NumberFormatException e) {
                // reported below, with the position
            }
            throw new SyntaxError("'" + text.substring(start, pos) + "' is not a number", start);
        }

        private static Object integer(BigInteger value, boolean negative) {
            BigInteger v = negative ? value.negate() : value;
            return v.bitLength() < 64 ? (Object) v.longValue() : v;
        }

        private String string(boolean raw) throws SyntaxError {
            int start = pos;
            char quote = text.charAt(pos);
            boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
            pos += triple ? 3 : 1;
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
                    pos += triple ? 3 : 1;
                    return out.toString();
                }
                if (c == '\n' && !triple) {
                    break;
                }
                if (c == '\\' && pos + 1 < text.length()) {
                    if (raw) {
                        out.append(c).append(text.charAt(pos + 1));
                        pos += 2;
                    } else {
                        escape(out);
                    }
                    continue;
                }
                out.append(c);
                pos++;
            }
            throw new SyntaxError("the string opened at " + ReplyText.position(text, start) + " is not closed: end it with "
                    + (triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote)), start);
        }

        private void escape(StringBuilder out) throws SyntaxError {
            int start = pos;
            char e = text.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case '\n' -> { }
                case '\\', '\'', '"' -> out.append(e);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'x' -> out.appendCodePoint(hex(2, start));
                case 'u' -> out.appendCodePoint(hex(4, start));
                case 'U' -> out.appendCodePoint(hex(8, start));
                default -> out.append('\\').append(e); // Python keeps unknown escapes as written
            }
        }

        private int hex(int digits, int start) throws SyntaxError {
            if (pos + digits > text.length() || !text.substring(pos, pos + digits).matches("[0-9a-fA-F]+")) {
                throw new SyntaxError("bad escape '" + text.substring(start, Math.min(text.length(), pos + digits))
                        + "': needs " + digits + " hex digits", start);
            }
            int cp = (int) Long.parseLong(text.substring(pos, pos + digits), 16);
            pos += digits;
            if (!Character.isValidCodePoint(cp)) {
                throw new SyntaxError("bad escape '" + text.substring(start, pos) + "': not a Unicode code point", start);
            }
            return cp;
        }
    }
}
