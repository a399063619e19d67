package io.codeact.bridge.llm;

import java.util.ArrayList;
import java.util.List;

/** A {@link TokenListener} that keeps every piece, in order. */
final class RecordingListener implements TokenListener {
    final List<String> pieces = new ArrayList<>();

    @Override
    public void onToken(String piece) {
        pieces.add(piece);
    }

    String text() {
        return String.join("", pieces);
    }
}
