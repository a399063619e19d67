package io.codeact.bridge.agent;

import java.util.List;
import java.util.Locale;

/**
 * Reads a model reply into what the loop should do next: run an action, accept a solution, or send a
 * short corrective observation. One implementation per action mode: {@link CodeActionParser}
 * ({@code code}, CodeAct itself), {@link JsonActionParser} ({@code json}) and {@link TextActionParser}
 * ({@code text}), the paper's two baselines.
 *
 * <p>{@link #parse} never throws on any reply text: malformed replies become a
 * {@link ParsedReply.NoAction} whose reason is written for the model. Implementations are immutable and
 * thread-safe.
 *
 * <pre>{@code
 * ActionParser parser = ActionParser.forMode("code");
 * ParsedReply next = parser.parse(replyText);
 * }</pre>
 */
@FunctionalInterface
public interface ActionParser {

    /** Reads one reply; {@code null} is read as an empty reply. */
    ParsedReply parse(String reply);

    /**
     * The paragraph the prompt builder puts in the system prompt to teach the model this format. A
     * parser written as a lambda has none.
     */
    default String formatInstructions() {
        return "";
    }

    /** Stop sequences the chat model should be called with so that it halts after one action. */
    default List<String> stopSequences() {
        return List.of();
    }

    /**
     * The parser for a {@code --mode} value: {@code code}, {@code json} or {@code text}.
     *
     * @throws IllegalArgumentException for any other mode, naming the value and the choices
     */
    static ActionParser forMode(String mode) {
        return switch (mode == null ? "" : mode.strip().toLowerCase(Locale.ROOT)) {
            case "code" -> new CodeActionParser();
            case "json" -> new JsonActionParser();
            case "text" -> new TextActionParser();
            default -> throw new IllegalArgumentException("unknown action mode \"" + mode
                    + "\" (--mode): use code, json or text");
        };
    }
}
