package io.codeact.bridge.llm;

/**
 * Receives a reply's text as it arrives, in order, in pieces of any size. The pieces of one call
 * concatenate to exactly {@link ChatReply#text()}: text after a stop sequence is never delivered.
 *
 * <p>Called on the thread that called {@link ChatModel#complete}. A listener that throws aborts the
 * call (the HTTP stream is closed) and its exception propagates unchanged, so a chat front end can
 * cancel a reply from inside the listener.
 *
 * <pre>{@code
 * model.complete(request, piece -> System.out.print(piece));
 * }</pre>
 */
@FunctionalInterface
public interface TokenListener {
    /** A listener that ignores every piece. */
    TokenListener NONE = piece -> { };

    /** One more piece of the reply; never empty. */
    void onToken(String piece);
}
