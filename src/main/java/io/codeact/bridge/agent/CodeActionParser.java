package io.codeact.bridge.agent;

import io.codeact.bridge.agent.ReplyScanner.Kind;
import io.codeact.bridge.agent.ReplyScanner.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The CodeAct format ({@code --mode code}): the model thinks in plain text, acts with Python code
 * between {@code <execute>} and {@code </execute>}, and ends with its answer between {@code <solution>}
 * and {@code </solution>}.
 *
 * <p>Rules, in the order they apply:
 * <ol>
 * <li><b>Regions.</b> Line endings become {@code \n}. The reply is read left to right into fenced blocks
 *     ({@code ```} or {@code ~~~}), inline code spans, {@code <execute>} blocks and {@code <solution>}
 *     blocks; each is consumed whole, so a tag inside a fence or an inline code span is text, not a tag.
 *     Tag names are case-insensitive and may carry attributes ({@code <Execute lang="python">});
 *     {@code <execute_ipython>} and {@code <execute_python>} are read as {@code <execute>}.</li>
 * <li><b>Closing tag.</b> An {@code <execute>} block ends at the first {@code </execute>} that is not
 *     inside a Python string literal. With no closing tag (the usual case when the {@code </execute>}
 *     stop sequence cut the reply), the rest of the reply is the code. A {@code <solution>} ends at the
 *     first {@code </solution>}, or likewise at the end of the reply.</li>
 * <li><b>Fences as actions.</b> A fenced block tagged {@code python}, {@code py}, {@code python3},
 *     {@code py3} or {@code ipython}, or an untagged fence whose lines read as Python statements, is a
 *     code block too. A fence tagged with another language ({@code bash}, {@code json}, {@code text}) is
 *     never run. A fence directly inside {@code <execute>} is unwrapped.</li>
 * <li><b>One action per reply.</b> If the reply has any {@code <execute>} block, the first non-empty one
 *     is the action; otherwise the first Python fence is. <em>Only that block runs</em>, as in CodeAct's
 *     reference implementation: later blocks were written before the model saw the first one's output
 *     (often after an imagined output), and on a robot that guess must not move anything. The other
 *     blocks are listed in {@link ParsedReply.Action#ignoredBlocks()} and a note tells the model.</li>
 * <li><b>Code text.</b> Leading and trailing blank lines and the indentation common to all lines are
 *     removed.</li>
 * <li><b>Action and solution.</b> A reply with both, in any order, is a
 *     {@link ParsedReply.ActionAndSolution}: the action comes first (see there). Only the first
 *     {@code <solution>} counts.</li>
 * <li><b>No action.</b> Otherwise the reply is a {@link ParsedReply.NoAction} whose reason says what to
 *     fix: empty reply, code in prose without tags, an {@code <execute>} only inside a fence, a fence in
 *     another language, or an empty block.</li>
 * </ol>
 * The thought is the prose before the first action or solution used.
 */
public final class CodeActionParser implements ActionParser {
    private static final Set<String> PYTHON_FENCES = Set.of("python", "py", "python3", "py3", "ipython");

    private static final String INSTRUCTIONS = """
            You act by writing Python code. Put the code between <execute> and </execute>; it runs in a \
            persistent Python session (variables and imports are kept between turns) and you will see its \
            output, errors and what the robot did. Think in plain text first, then write one <execute> \
            block per reply and wait for its output before writing the next. When the task is done, give \
            your final answer between <solution> and </solution>. For example:
            I will check where the robot is first.
            <execute>
            print(robot.pose())
            </execute>""";

    @Override
    public String formatInstructions() {
        return INSTRUCTIONS;
    }

    /** {@code </execute>}: the model stops after one action instead of imagining its output. */
    @Override
    public List<String> stopSequences() {
        return List.of("</execute>");
    }

    @Override
    public ParsedReply parse(String reply) {
        String text = ReplyText.normalize(reply);
        List<Block> executes = new ArrayList<>();
        List<Block> fences = new ArrayList<>();
        List<Block> solutions = new ArrayList<>();
        int emptyExecutes = 0;
        boolean tagInsideFence = false;
        String otherLanguage = null;
        for (Region region : ReplyScanner.scan(text, true)) {
            String content = region.content(text);
            switch (region.kind()) {
                case EXECUTE -> {
                    String code = unwrapFence(ReplyText.dedent(content));
                    if (code.isBlank()) {
                        emptyExecutes++;
                    } else {
                        executes.add(new Block(region, code));
                    }
                }
                case FENCE -> {
                    String language = region.language();
                    if (PYTHON_FENCES.contains(language)
                            || language.isEmpty() && ReplyText.looksLikePython(content)) {
                        String code = ReplyText.dedent(content);
                        if (!code.isBlank()) {
                            fences.add(new Block(region, code));
                        }
                    } else if (content.toLowerCase(Locale.ROOT).contains("<execute")) {
                        tagInsideFence = true;
                    } else if (!language.isEmpty() && otherLanguage == null) {
                        otherLanguage = language;
                    }
                }
                case SOLUTION -> solutions.add(new Block(region, ReplyText.dedent(content)));
                case INLINE_CODE -> { }
            }
        }

        List<Block> candidates = executes.isEmpty() ? fences : executes;
        Block chosen = candidates.isEmpty() ? null : candidates.getFirst();
        Block solution = solutions.isEmpty() ? null : solutions.getFirst();
        List<String> notes = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        if (chosen != null) {
            List<Block> all = new ArrayList<>(executes);
            all.addAll(fences);
            all.sort((a, b) -> Integer.compare(a.region().start(), b.region().start()));
            for (Block b : all) {
                if (b != chosen) {
                    ignored.add(b.code());
                }
            }
            if (!ignored.isEmpty()) {
                notes.add("Only one code block was run (the first " + (executes.isEmpty() ? "```python block" : "<execute> block")
                        + "); " + ReplyText.plural(ignored.size(), "other code block", "other code blocks")
                        + " in your reply " + (ignored.size() == 1 ? "was" : "were")
                        + " not run. Write one <execute> block per reply and wait for its output.");
            }
        }
        if (solutions.size() > 1) {
            notes.add("Only the first <solution> was used; your reply had " + solutions.size() + ".");
        }

        int firstUsed = Math.min(chosen == null ? text.length() : chosen.region().start(),
                solution == null ? text.length() : solution.region().start());
        String thought = text.substring(0, firstUsed).strip();

        if (chosen != null) {
            var action = new ParsedReply.Action(thought, chosen.code(), Optional.empty(), ignored, notes);
            if (solution != null && !solution.code().isBlank()) {
                return new ParsedReply.ActionAndSolution(action, solution.code());
            }
            return action;
        }
        if (solution != null && !solution.code().isBlank()) {
            return new ParsedReply.Solution(thought, solution.code(), notes);
        }
        return new ParsedReply.NoAction(text.strip(),
                reasonForNoAction(text, emptyExecutes > 0, solution != null, tagInsideFence, otherLanguage));
    }

    private static String reasonForNoAction(String text, boolean emptyExecute, boolean emptySolution,
                                            boolean tagInsideFence, String otherLanguage) {
        if (text.isBlank()) {
            return "Your reply was empty. Continue the task: write Python code between <execute> and "
                    + "</execute>, or give the final answer between <solution> and </solution>.";
        }
        if (emptyExecute) {
            return "Nothing was run: your <execute> block is empty. Put the Python code between <execute> "
                    + "and </execute>.";
        }
        if (emptySolution) {
            return "Your <solution> is empty. Write the final answer between <solution> and </solution>, "
                    + "or keep working with <execute> blocks.";
        }
        if (tagInsideFence) {
            return "Nothing was run: your only <execute> block is inside a ``` fence, which is read as an "
                    + "example. Write <execute> and </execute> directly, outside any fence.";
        }
        if (otherLanguage != null) {
            return "Nothing was run: your reply has a ```" + otherLanguage + " block, but only Python runs "
                    + "here. Write Python code between <execute> and </execute>.";
        }
        if (hasPythonStatements(text)) {
            return "Nothing was run: your reply has what looks like Python code but no <execute> block. Put "
                    + "the code you want to run between <execute> and </execute>.";
        }
        return "Nothing was run: your reply has no <execute> block and no <solution>. Write Python code "
                + "between <execute> and </execute> to act, or give the final answer between <solution> and "
                + "</solution>.";
    }

    private static boolean hasPythonStatements(String text) {
        for (String line : text.split("\n")) {
            if (ReplyText.isPythonStatement(line)) {
                return true;
            }
        }
        return false;
    }

    /** {@code <execute>```python ... ```</execute>}: drop the fence lines models often add inside the tags. */
    private static String unwrapFence(String code) {
        List<Region> regions = ReplyScanner.scan(code, false);
        if (regions.size() == 1 && regions.getFirst().kind() == Kind.FENCE && regions.getFirst().start() == 0
                && code.substring(regions.getFirst().end()).isBlank()) {
            return ReplyText.dedent(regions.getFirst().content(code));
        }
        return code;
    }

    /**
     * The reply as the model wrote it before a stop sequence cut it: if it ends inside an
     * {@code <execute>} block, {@code </execute>} is appended. Used to export well-formed training data.
     */
    static String restoreStopSequence(String reply) {
        String text = ReplyText.normalize(reply);
        List<Region> regions = ReplyScanner.scan(text, true);
        if (!regions.isEmpty() && regions.getLast().kind() == Kind.EXECUTE && !regions.getLast().closed()) {
            return reply + "</" + regions.getLast().name() + ">";
        }
        return reply;
    }

    private record Block(Region region, String code) {}
}
