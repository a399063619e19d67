package io.codeact.bridge.transport.ros.internal;

import io.codeact.bridge.transport.ros.MessageDefinitionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code .msg} and {@code .srv} text by genmsg's rules: {@code #} starts a comment (except inside a string
 * constant's value, which runs verbatim to the end of the line), blank lines are ignored, a line with {@code =}
 * is a constant, any other line a field. Every error names {@code source:line}.
 */
public final class DefinitionParser {
    /** The line genmsg puts between the sections of a {@code message_definition}. */
    public static final String SECTION_SEPARATOR = "=".repeat(80);

    private static final Pattern TYPE = Pattern.compile(
            "([A-Za-z][A-Za-z0-9_]*(?:/[A-Za-z][A-Za-z0-9_]*)?)(?:\\[([0-9]*)])?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*/[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern BLANKS = Pattern.compile("[ \t]+");
    private static final String SERVICE_SEPARATOR = "---";

    private DefinitionParser() {
    }

    /**
     * @param name   the full type name, {@code package/Type}; bare type names in the text resolve in its package
     * @param text   the {@code .msg} text
     * @param source where the text came from (file path or label), for error messages
     * @throws MessageDefinitionException naming {@code source:line} and what is wrong
     */
    public static MessageSpec parseMessage(String name, String text, String source) {
        requireFullName(name, "message");
        return parse(name, List.of(text.split("\n", -1)), 1, text, source);
    }

    /**
     * Parses a {@code .srv}: the request before the {@code ---} line, the response after it, named
     * {@code name + "Request"} and {@code name + "Response"} like genmsg names them.
     *
     * @throws MessageDefinitionException naming {@code source:line} and what is wrong
     */
    public static ServiceSpec parseService(String name, String text, String source) {
        requireFullName(name, "service");
        String[] lines = text.split("\n", -1);
        int separator = -1;
        for (int i = 0; i < lines.length; i++) {
            // genmsg is lenient here: any line starting with --- separates, whatever follows on it
            if (lines[i].startsWith(SERVICE_SEPARATOR)) {
                if (separator >= 0) {
                    throw new MessageDefinitionException(source + ":" + (i + 1) + ": a second \"---\" line (the first is at line "
                            + (separator + 1) + "); a service has one request part and one response part");
                }
                separator = i;
            }
        }
        if (separator < 0) {
            throw new MessageDefinitionException(source + ": no \"---\" line; a .srv file is the request fields, a line \"---\","
                    + " then the response fields");
        }
        List<String> request = List.of(lines).subList(0, separator);
        List<String> response = List.of(lines).subList(separator + 1, lines.length);
        // genmsg rebuilds each half as its lines each followed by \n; the halves' texts go into their full texts
        return new ServiceSpec(name,
                parse(name + "Request", request, 1, joinLines(request), source),
                parse(name + "Response", response, separator + 2, joinLines(response), source),
                text, source);
    }

    /**
     * Parses a whole {@code message_definition} as a publisher sends it in its connection header (and rosbag
     * stores it): the main type's text, then for each dependency a line of 80 {@code =}, a line
     * {@code MSG: pkg/Type} and that type's text.
     *
     * @return the main type first, then its dependencies in the order given
     * @throws MessageDefinitionException naming {@code source:line} and what is wrong
     */
    public static List<MessageSpec> parseFullDefinition(String name, String fullText, String source) {
        requireFullName(name, "message");
        String[] sections = fullText.split("\n" + SECTION_SEPARATOR + "\n", -1);
        List<MessageSpec> specs = new ArrayList<>();
        specs.add(parse(name, List.of(sections[0].split("\n", -1)), 1, sections[0], source));
        int line = lineCount(sections[0]) + 1;
        for (int i = 1; i < sections.length; i++) {
            String section = sections[i];
            int newline = section.indexOf('\n');
            String header = newline < 0 ? section : section.substring(0, newline);
            if (!header.startsWith("MSG: ") || !FULL_NAME.matcher(header.substring(5).strip()).matches()) {
                throw new MessageDefinitionException(source + ":" + (line + 1) + ": expected \"MSG: package/Type\" after the "
                        + "separator line, got \"" + header + "\"");
            }
            String text = newline < 0 ? "" : section.substring(newline + 1);
            specs.add(parse(header.substring(5).strip(), List.of(text.split("\n", -1)), line + 2, text, source));
            line += 1 + lineCount(section);
        }
        return specs;
    }

    private static int lineCount(String text) {
        return (int) text.chars().filter(c -> c == '\n').count() + 1;
    }

    private static String joinLines(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static void requireFullName(String name, String kind) {
        if (name == null || !FULL_NAME.matcher(name).matches()) {
            throw new MessageDefinitionException("\"" + name + "\" is not a full " + kind + " type name; ROS types are named"
                    + " package/Type, e.g. " + ("service".equals(kind) ? "std_srvs/SetBool" : "geometry_msgs/Twist"));
        }
    }

    private static MessageSpec parse(String name, List<String> lines, int firstLine, String text, String source) {
        String pkg = name.substring(0, name.indexOf('/'));
        List<ConstantSpec> constants = new ArrayList<>();
        List<FieldSpec> fields = new ArrayList<>();
        Map<String, Integer> declared = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = firstLine + i;
            String at = source + ":" + lineNo;
            int hash = line.indexOf('#');
            String clean = pyStrip(hash < 0 ? line : line.substring(0, hash));
            if (clean.isEmpty()) {
                continue;
            }
            String declaredName;
            if (clean.indexOf('=') >= 0) {
                ConstantSpec constant = constant(line, clean, lineNo, at);
                constants.add(constant);
                declaredName = constant.name();
            } else {
                FieldSpec field = field(clean, pkg, lineNo, at);
                fields.add(field);
                declaredName = field.name();
            }
            Integer first = declared.putIfAbsent(declaredName, lineNo);
            if (first != null) {
                throw new MessageDefinitionException(at + ": " + declaredName + " is declared twice in " + name
                        + " (first at line " + first + ")");
            }
        }
        return new MessageSpec(name, constants, fields, text, source);
    }

    private static FieldSpec field(String clean, String pkg, int lineNo, String at) {
        String[] tokens = BLANKS.split(clean);
        if (tokens.length != 2) {
            throw new MessageDefinitionException(at + ": cannot parse \"" + clean + "\"; a field is \"type name\" and a constant"
                    + " \"type NAME=value\"");
        }
        Matcher type = TYPE.matcher(tokens[0]);
        if (!type.matches()) {
            throw new MessageDefinitionException(at + ": \"" + tokens[0] + "\" is not a valid field type; types look like"
                    + " float64, Header, geometry_msgs/Point, uint8[] or float64[36]");
        }
        String name = tokens[1];
        if (!NAME.matcher(name).matches()) {
            throw new MessageDefinitionException(at + ": \"" + name + "\" is not a valid field name; names start with a letter,"
                    + " then letters, digits or _");
        }
        String base = type.group(1);
        Primitive builtin = Primitive.of(base);
        String element;
        if (builtin != null) {
            element = base;
        } else if (base.equals("Header")) {
            element = "std_msgs/Header";
        } else if (base.indexOf('/') < 0) {
            element = pkg + "/" + base;
        } else {
            element = base;
        }
        String length = type.group(2);
        int fixedLength = -1;
        if (length != null && !length.isEmpty()) {
            try {
                fixedLength = Integer.parseInt(length);
            } catch (NumberFormatException e) {
                throw new MessageDefinitionException(at + ": array length " + length + " of field " + name + " is too large", e);
            }
        }
        String resolved = length == null ? element : element + "[" + length + "]";
        return new FieldSpec(name, resolved, element, builtin, length != null, fixedLength, lineNo);
    }

    private static ConstantSpec constant(String line, String clean, int lineNo, String at) {
        String typeName = BLANKS.split(clean, 2)[0];
        Primitive type = Primitive.of(typeName);
        if (type == null || !type.isConstantType()) {
            throw new MessageDefinitionException(at + ": cannot parse \"" + clean + "\" as a constant; a constant is"
                    + " \"type NAME=value\" with type one of bool, int8..int64, uint8..uint64, float32, float64, string,"
                    + " byte, char");
        }
        String name;
        String value;
        if (type == Primitive.STRING) {
            // A string constant's value is everything after the first '=', '#' included, stripped.
            int equals = line.indexOf('=');
            name = pyStrip(line.substring(line.indexOf(typeName) + typeName.length(), equals));
            value = pyStrip(line.substring(equals + 1));
        } else {
            String[] parts = clean.substring(typeName.length()).split("=", -1);
            if (parts.length != 2) {
                throw new MessageDefinitionException(at + ": cannot parse \"" + clean + "\" as a constant; expected one"
                        + " \"=\", as in \"" + typeName + " NAME=value\"");
            }
            name = pyStrip(parts[0]);
            value = pyStrip(parts[1]);
        }
        if (!NAME.matcher(name).matches()) {
            throw new MessageDefinitionException(at + ": \"" + name + "\" is not a valid constant name; names start with a"
                    + " letter, then letters, digits or _");
        }
        try {
            return new ConstantSpec(name, typeName, type.parseConstant(value), value, lineNo);
        } catch (IllegalArgumentException e) {
            throw new MessageDefinitionException(at + ": bad value for " + typeName + " constant " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The text as genmsg sees a file: Python reads text files with universal newlines, so {@code \r\n} and a lone
     * {@code \r} both become {@code \n}. That matters for the {@code message_definition} text (and for files
     * with old Mac line ends, for parsing); MD5 sums ignore it.
     */
    public static String universalNewlines(String fileText) {
        return fileText.indexOf('\r') < 0 ? fileText : fileText.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** {@code String.strip()} with Python's idea of whitespace, which genmsg uses (it includes U+00A0 and U+0085). */
    static String pyStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPySpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPySpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isPySpace(char c) {
        return Character.isWhitespace(c) || c == '\u0085' || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }
}
