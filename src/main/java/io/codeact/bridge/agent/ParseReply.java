package io.codeact.bridge.agent;

/** Step 3: reads the reply as an action, a solution, both, or neither. */
final class ParseReply implements Step {
    private final Episode episode;

    ParseReply(Episode episode) {
        this.episode = episode;
    }

    @Override
    public void run(Turn turn) {
        turn.parsed = episode.parser.parse(turn.reply());
    }
}
