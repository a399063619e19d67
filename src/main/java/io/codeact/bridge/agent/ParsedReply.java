package io.codeact.bridge.agent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model reply asks the loop to do, as read by an {@link ActionParser}. Switch over it:
 *
 * <pre>{@code
 * switch (parser.parse(reply)) {
 *     case ParsedReply.Action a -> session.execute(a.code());
 *     case ParsedReply.ActionAndSolution both -> ... // run both.action() first; see its javadoc
 *     case ParsedReply.Solution s -> finish(s.text());
 *     case ParsedReply.NoAction none -> observe(none.reason());
 * }
 * }</pre>
 *
 * <p>Every variant carries the {@link #thought()} (the prose the model wrote before acting, for the
 * episode record) and {@link #notes()}: short sentences for the model about what was not done (blocks
 * ignored, a second solution dropped) that the loop appends to the next observation. All values are
 * immutable; texts use {@code \n} line endings.
 */
public sealed interface ParsedReply {

    /** The prose before the action or solution, trimmed; the whole reply for {@link NoAction}. */
    String thought();

    /** Sentences for the model about parts of the reply that were not used; empty when all was used. */
    List<String> notes();

    /**
     * Code to run. {@code code} is dedented Python without surrounding blank lines. For the JSON and text
     * baselines it is the single {@link #toolCall() tool call} rendered as Python, {@code print(tool(...))},
     * so every mode runs through the same session, safety policy and observation.
     *
     * @param ignoredBlocks the code of the other code blocks in the reply, in reply order, which were not run
     */
    record Action(String thought, String code, Optional<ToolCall> toolCall, List<String> ignoredBlocks,
                  List<String> notes) implements ParsedReply {
        public Action {
            Objects.requireNonNull(thought, "thought");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(toolCall, "toolCall");
            ignoredBlocks = List.copyOf(ignoredBlocks);
            notes = List.copyOf(notes);
        }

        /** How many code blocks the reply had: this one and the ignored ones. */
        public int blocksFound() {
            return 1 + ignoredBlocks.size();
        }
    }

    /** The model's final answer, with no action in the same reply. */
    record Solution(String thought, String text, List<String> notes) implements ParsedReply {
        public Solution {
            Objects.requireNonNull(thought, "thought");
            Objects.requireNonNull(text, "text");
            notes = List.copyOf(notes);
        }
    }

    /**
     * A reply with both an action and a final answer, in either order. Rule: <b>the action comes
     * first</b>. The loop runs the action; if it raised an error or a safety rejection, the solution is
     * discarded and the model sees the observation as usual; otherwise the solution ends the episode.
     * (The model wrote the answer before seeing the action's result, so it is only trusted if the
     * action went through.)
     */
    record ActionAndSolution(Action action, String solution) implements ParsedReply {
        public ActionAndSolution {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(solution, "solution");
        }

        @Override
        public String thought() {
            return action.thought();
        }

        @Override
        public List<String> notes() {
            return action.notes();
        }
    }

    /**
     * Nothing to run and no answer. {@code reason} is written for the model: one or two sentences that
     * say what was wrong and what to write instead, ready to be sent back as a corrective observation.
     */
    record NoAction(String thought, String reason) implements ParsedReply {
        public NoAction {
            Objects.requireNonNull(thought, "thought");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public List<String> notes() {
            return List.of();
        }
    }
}
