package io.codeact.bridge.agent;

import io.codeact.bridge.agent.PythonLiterals.SyntaxError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper's text-action baseline ({@code --mode text}): one tool call per reply on an
 * {@code Action:} line, and the final answer on an {@code Answer:} line.
 *
 * <pre>
 * reply    = { prose-line } ( action-line | answer-line ) { any-line }
 * action   = "Action:" call
 * call     = name "(" [ arg { "," arg } [ "," ] ] ")"
 * name     = identifier { "." identifier }                     e.g. base.drive
 * arg      = identifier "=" literal | literal                  positional ones first, as in Python
 * literal  = number | string | "True" | "False" | "None" | list | tuple | dict   (Python syntax)
 * answer   = ( "Answer:" | "Final Answer:" ) text              text runs to the end of the reply
 * </pre>
 *
 * <p>Labels are matched at the start of a line, case-insensitively, and may be decorated as Markdown
 * does ({@code **Action:**}, {@code > Action:}); a call may be wrapped in backticks and may span lines
 * inside its parentheses. Anything after the call's closing parenthesis on its line is ignored. Only the
 * first {@code Action:} line is run; later ones are listed as ignored and a note tells the model. A reply
 * with both an action and an answer is a {@link ParsedReply.ActionAndSolution}. The thought is the prose
 * before the first label, without a leading {@code Thought:} label. The call becomes the Python code
 * {@code print(name(args))}, so it runs in the same session as code actions do.
 */
public final class TextActionParser implements ActionParser {
    private static final Pattern LABEL = Pattern.compile(
            "^[ \\t>*_]*(action|final answer|answer)[*_]*[ \\t]*:[ \\t*_]*", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern THOUGHT_LABEL = Pattern.compile("^[*_]*thought[*_]*[ \\t]*:[*_]*\\s*", Pattern.CASE_INSENSITIVE);

    private static final String INSTRUCTIONS = """
            You act by calling one tool per reply. Think in plain text, then write the call on a line of its own:
            Action: tool_name(name=value, ...)
            Values are Python literals: numbers, "strings", True, False, None and [lists]. You will see the \
            result before your next action. When the task is done, write your final answer on a line of its own:
            Answer: your final answer""";

    @Override
    public String formatInstructions() {
        return INSTRUCTIONS;
    }

    /** {@code Observation:}: the model stops instead of imagining the tool's result. */
    @Override
    public List<String> stopSequences() {
        return List.of("\nObservation:");
    }

    @Override
    public ParsedReply parse(String reply) {
        String text = ReplyText.normalize(reply);
        Matcher label = LABEL.matcher(text);
        int firstLabel = -1;
        ToolCall call = null;
        SyntaxError callError = null;
        int actions = 0;
        List<String> ignored = new ArrayList<>();
        String answer = null;
        int answers = 0;
        int searchFrom = 0;
        while (label.find(searchFrom)) {
            if (firstLabel < 0) {
                firstLabel = label.start();
            }
            searchFrom = label.end();
            if (label.group(1).equalsIgnoreCase("action")) {
                actions++;
                if (call == null && callError == null) {
                    try {
                        Parsed parsed = readCall(text, label.end());
                        call = parsed.call();
                        searchFrom = parsed.end();
                    } catch (SyntaxError e) {
                        callError = e;
                    }
                } else {
                    ignored.add(lineAt(text, label.start()));
                }
            } else {
                answers++;
                if (answer == null) {
                    answer = answerText(text, label.end());
                }
            }
        }
        String thought = thought(firstLabel < 0 ? text : text.substring(0, firstLabel));
        if (callError != null) {
            return new ParsedReply.NoAction(text.strip(), "Nothing was run: your Action could not be read at "
                    + ReplyText.position(text, callError.offset()) + ": " + callError.getMessage()
                    + ". Write it as: Action: tool_name(name=value, ...)");
        }
        List<String> notes = new ArrayList<>();
        if (!ignored.isEmpty()) {
            notes.add("Only the first Action was run; " + ReplyText.plural(ignored.size(), "later Action was",
                    "later Actions were") + " not. Write one Action per reply and wait for its result.");
        }
        if (answers > 1) {
            notes.add("Only the first Answer was used; your reply had " + answers + ".");
        }
        if (call != null) {
            var action = new ParsedReply.Action(thought, "print(" + call.toPython() + ")", Optional.of(call), ignored,
                    notes);
            return answer != null && !answer.isBlank() ? new ParsedReply.ActionAndSolution(action, answer) : action;
        }
        if (answer != null && !answer.isBlank()) {
            return new ParsedReply.Solution(thought, answer, notes);
        }
        return new ParsedReply.NoAction(text.strip(), reasonForNoAction(text, answer != null));
    }

    private static String reasonForNoAction(String text, boolean emptyAnswer) {
        if (text.isBlank()) {
            return "Your reply was empty. Continue the task: write one line \"Action: tool_name(name=value, ...)\", "
                    + "or \"Answer: ...\" when the task is done.";
        }
        if (emptyAnswer) {
            return "Your Answer is empty. Write the final answer after \"Answer:\", or keep working with an Action.";
        }
        for (String line : text.split("\n")) {
            if (ReplyText.isPythonStatement(line.replace("`", ""))) {
                return "Nothing was run: your reply has what looks like a call but no \"Action:\" label. Write it on "
                        + "a line of its own as: Action: tool_name(name=value, ...)";
            }
        }
        return "Nothing was run: your reply has no Action and no Answer. Write one line \"Action: "
                + "tool_name(name=value, ...)\" to act, or \"Answer: ...\" when the task is done.";
    }

    private record Parsed(ToolCall call, int end) {}

    private static Parsed readCall(String text, int from) throws SyntaxError {
        var in = new PythonLiterals.Reader(text, from);
        in.skipSpace();
        while (in.peek() == '`') {
            in.take('`');
        }
        int nameStart = in.pos();
        StringBuilder name = new StringBuilder();
        String part = in.identifier();
        if (part == null) {
            throw new SyntaxError("expected a tool name like base.drive, found " + in.found(), in.pos());
        }
        name.append(part);
        while (in.peek() == '.') {
            in.take('.');
            part = in.identifier();
            if (part == null) {
                throw new SyntaxError("expected a name after '" + name + ".', found " + in.found(), in.pos());
            }
            name.append('.').append(part);
        }
        if (!ToolCall.isDottedName(name.toString())) {
            throw new SyntaxError("'" + name + "' is not a tool name: use ASCII letters, digits and _, and no "
                    + "Python keyword", nameStart);
        }
        in.expect('(', "after the tool name " + name);
        List<Object> positional = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        while (!in.take(')')) {
            int argStart = in.pos();
            in.skipSpace();
            int save = in.pos();
            String key = in.identifier();
            if (key != null && in.take('=')) {
                if (!ToolCall.isIdentifier(key)) {
                    throw new SyntaxError("'" + key + "' is a Python keyword and cannot name an argument", save);
                }
                if (named.containsKey(key)) {
                    throw new SyntaxError("argument '" + key + "' is given twice", save);
                }
                named.put(key, in.value());
            } else {
                in.reset(save);
                Object value = in.value();
                if (!named.isEmpty()) {
                    throw new SyntaxError("a positional argument follows a named one; put positional arguments first",
                            argStart);
                }
                positional.add(value);
            }
            if (!in.take(',')) {
                in.expect(')', "or ',' between the arguments of " + name);
                break;
            }
        }
        return new Parsed(new ToolCall(name.toString(), positional, named), in.pos());
    }

    private static String answerText(String text, int from) {
        Matcher next = LABEL.matcher(text);
        int end = text.length();
        if (next.find(from) && next.group(1).equalsIgnoreCase("action")) {
            end = next.start();
        }
        return ReplyText.dedent(text.substring(from, end)).strip();
    }

    private static String thought(String prose) {
        return THOUGHT_LABEL.matcher(prose.strip()).replaceFirst("").strip();
    }

    private static String lineAt(String text, int offset) {
        int end = text.indexOf('\n', offset);
        return text.substring(offset, end < 0 ? text.length() : end).strip();
    }
}
