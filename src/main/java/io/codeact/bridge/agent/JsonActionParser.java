package io.codeact.bridge.agent;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeact.bridge.agent.ReplyScanner.Kind;
import io.codeact.bridge.agent.ReplyScanner.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper's JSON baseline ({@code --mode json}): one tool call per reply as a JSON object
 *
 * <pre>{@code {"tool": "base.drive", "arguments": {"speed": 0.5, "duration": 2.0}}}</pre>
 *
 * and the final answer as {@code {"solution": "..."}} ({@code "finish"} and {@code "answer"} are read
 * the same way).
 *
 * <p>Where the object is: whichever comes first of a fenced block whose content starts with
 * <code>{</code> (usually {@code ```json}) and a <code>{</code> that starts a line outside fences; if
 * there is neither, the first <code>{</code> outside fences (after prose on the same line). Braces in
 * other fences ({@code ```python}) are never read. Prose around it is allowed and becomes the thought (with a
 * {@code "thought"} member, if any). The object itself must be strict JSON; when it is not, the reply
 * is a {@link ParsedReply.NoAction} naming Jackson's complaint and its line and column in the reply.
 *
 * <p>Members: {@code "tool"} (alias {@code "name"}) is a dotted Python name; {@code "arguments"} (alias
 * {@code "args"}) is an object of named values, or a string holding one (as OpenAI function calls
 * encode it), or absent. An object with both a tool and a solution is a
 * {@link ParsedReply.ActionAndSolution}. Further tool-call objects after the first are not run; they
 * are listed as ignored and a note tells the model. The call becomes the Python code
 * {@code print(tool(name=value, ...))}, so it runs in the same session as code actions do.
 */
public final class JsonActionParser implements ActionParser {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)]\\)");
    private static final String EXAMPLE = "{\"tool\": \"base.drive\", \"arguments\": {\"speed\": 0.5}}";

    private static final String INSTRUCTIONS = """
            You act by calling one tool per reply, written as one JSON object, for example:
            {"tool": "base.drive", "arguments": {"speed": 0.5, "duration": 2.0}}
            You will see the tool's result before your next call. When the task is done, reply with:
            {"solution": "your final answer"}""";

    @Override
    public String formatInstructions() {
        return INSTRUCTIONS;
    }

    @Override
    public ParsedReply parse(String reply) {
        String text = ReplyText.normalize(reply);
        List<Region> fences = ReplyScanner.scan(text, false).stream().filter(r -> r.kind() == Kind.FENCE).toList();
        int start = objectStart(text, fences, 0);
        if (start < 0) {
            return new ParsedReply.NoAction(text.strip(), text.isBlank()
                    ? "Your reply was empty. Continue the task: reply with one JSON tool call like " + EXAMPLE
                            + ", or {\"solution\": \"...\"} when the task is done."
                    : "Nothing was run: your reply has no JSON object. Reply with one JSON tool call like " + EXAMPLE
                            + ", or {\"solution\": \"...\"} when the task is done.");
        }
        JsonNode object;
        int end;
        try (JsonParser parser = JSON.createParser(text.substring(start))) {
            object = JSON.readTree(parser);
            end = start + (int) parser.currentLocation().getCharOffset();
        } catch (JsonProcessingException e) {
            return new ParsedReply.NoAction(text.strip(), "Nothing was run: your tool call is not valid JSON ("
                    + at(text, start, e.getLocation()) + "): " + message(text, start, e)
                    + ". Reply with one JSON object like " + EXAMPLE + ".");
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from a String cannot fail with I/O", e);
        }

        String thought = thought(text, fences, start, object);
        JsonNode tool = member(object, "tool", "name");
        JsonNode solution = member(object, "solution", "finish", "answer");
        if (tool == null && solution == null) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            return new ParsedReply.NoAction(text.strip(), "Nothing was run: your JSON object has no \"tool\" and no "
                    + "\"solution\" member (it has " + (keys.isEmpty() ? "none" : String.join(", ", keys))
                    + "). Reply with one JSON object like " + EXAMPLE + ".");
        }
        String answer = solution == null ? null : solution.isTextual() ? solution.asText().strip() : solution.toString();
        if (tool == null) {
            return answer.isEmpty()
                    ? new ParsedReply.NoAction(text.strip(), "Your \"solution\" is empty. Write the final answer in it, "
                            + "or keep working with tool calls.")
                    : new ParsedReply.Solution(thought, answer, List.of());
        }

        ToolCall call;
        try {
            call = toolCall(tool, member(object, "arguments", "args"));
        } catch (IllegalArgumentException e) {
            return new ParsedReply.NoAction(text.strip(), "Nothing was run: " + e.getMessage() + ". Reply with one "
                    + "JSON object like " + EXAMPLE + ".");
        }
        List<String> ignored = laterToolCalls(text, fences, end);
        List<String> notes = ignored.isEmpty() ? List.of() : List.of("Only the first tool call was run; "
                + ReplyText.plural(ignored.size(), "later call was", "later calls were")
                + " not. Make one tool call per reply and wait for its result.");
        var action = new ParsedReply.Action(thought, "print(" + call.toPython() + ")", Optional.of(call), ignored, notes);
        return answer == null || answer.isEmpty() ? action : new ParsedReply.ActionAndSolution(action, answer);
    }

    private static ToolCall toolCall(JsonNode tool, JsonNode arguments) {
        if (!tool.isTextual()) {
            throw new IllegalArgumentException("\"tool\" must be a string naming the tool, like \"base.drive\", got "
                    + tool);
        }
        if (arguments != null && arguments.isTextual()) {
            try {
                arguments = JSON.readTree(arguments.asText());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("\"arguments\" is a string that is not a JSON object ("
                        + e.getOriginalMessage() + ")", e);
            }
        }
        Map<String, Object> named = new LinkedHashMap<>();
        if (arguments != null && !arguments.isNull()) {
            if (!arguments.isObject()) {
                throw new IllegalArgumentException("\"arguments\" must be an object of named values like "
                        + "{\"speed\": 0.5}, got " + ReplyText.shorten(arguments.toString(), 40));
            }
            arguments.properties().forEach(e -> named.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
        }
        return ToolCall.of(tool.asText().strip(), named);
    }

    private static JsonNode member(JsonNode object, String... names) {
        for (String name : names) {
            if (object.has(name)) {
                return object.get(name);
            }
        }
        return null;
    }

    /** Where the next JSON object starts at or after {@code from}, by the rules in the class javadoc. */
    private static int objectStart(String text, List<Region> fences, int from) {
        int fenced = -1;
        for (Region fence : fences) {
            String content = fence.content(text);
            if (fence.start() >= from && content.strip().startsWith("{")) {
                fenced = fence.contentStart() + content.indexOf('{');
                break;
            }
        }
        int lineStart = -1;
        int anywhere = -1;
        for (int i = text.indexOf('{', from); i >= 0 && (fenced < 0 || i < fenced); i = text.indexOf('{', i + 1)) {
            if (insideFence(fences, i)) {
                continue;
            }
            if (text.substring(text.lastIndexOf('\n', i) + 1, i).isBlank()) {
                lineStart = i;
                break;
            }
            if (anywhere < 0) {
                anywhere = i;
            }
        }
        if (lineStart >= 0) {
            return lineStart;
        }
        return fenced >= 0 ? fenced : anywhere;
    }

    private static boolean insideFence(List<Region> fences, int offset) {
        return fences.stream().anyMatch(f -> f.start() <= offset && offset < f.end());
    }

    private static List<String> laterToolCalls(String text, List<Region> fences, int from) {
        List<String> calls = new ArrayList<>();
        int start = objectStart(text, fences, from);
        while (start >= 0) {
            int next = start + 1;
            try (JsonParser parser = JSON.createParser(text.substring(start))) {
                JsonNode node = JSON.readTree(parser);
                int end = start + (int) parser.currentLocation().getCharOffset();
                if (node != null && node.isObject() && member(node, "tool", "name") != null) {
                    calls.add(text.substring(start, end));
                }
                next = end;
            } catch (IOException e) {
                // not a complete object: not a call we would have run either
            }
            start = objectStart(text, fences, next);
        }
        return calls;
    }

    private static String thought(String text, List<Region> fences, int start, JsonNode object) {
        int proseEnd = fences.stream().filter(f -> f.contentStart() <= start && start < f.end())
                .mapToInt(Region::start).findFirst().orElse(start);
        String prose = text.substring(0, proseEnd).strip();
        JsonNode member = object.get("thought");
        String own = member != null && member.isTextual() ? member.asText().strip() : "";
        return prose.isEmpty() ? own : own.isEmpty() ? prose : prose + "\n" + own;
    }

    /** Jackson's message without its source excerpt, with positions made relative to the whole reply. */
    private static String message(String text, int start, JsonProcessingException e) {
        String original = e.getOriginalMessage();
        Matcher m = START_MARKER.matcher(original);
        if (m.find()) {
            int line = Integer.parseInt(m.group(1));
            int column = Integer.parseInt(m.group(2));
            original = original.substring(0, m.start()) + " (the object opened at "
                    + ReplyText.position(text, offsetOf(text, start, line, column)) + ")" + original.substring(m.end());
        }
        return original.strip();
    }

    private static String at(String text, int start, JsonLocation location) {
        if (location == null) {
            return ReplyText.position(text, start);
        }
        long offset = location.getCharOffset();
        return ReplyText.position(text, offset >= 0 ? start + (int) offset
                : offsetOf(text, start, location.getLineNr(), location.getColumnNr()));
    }

    /** The offset in the reply of a 1-based line/column Jackson counted from {@code start}. */
    private static int offsetOf(String text, int start, int line, int column) {
        int offset = start;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', offset);
            if (nl < 0) {
                break;
            }
            offset = nl + 1;
        }
        return Math.min(text.length(), offset + Math.max(0, column - 1));
    }
}
