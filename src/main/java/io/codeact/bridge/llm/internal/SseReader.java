package io.codeact.bridge.llm.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads server-sent events (the WHATWG event-stream format) from a response body: {@code event:}
 * and {@code data:} fields, comments ({@code :}), CR/LF line ends, events separated by blank lines.
 * A last line without its line end is a cut stream and is dropped; complete lines at the end of the
 * stream still form an event even without the closing blank line. Not thread-safe.
 */
public final class SseReader {
    /** One event: its type ({@code message} when the server named none) and its data lines joined by {@code \n}. */
    public record Event(String type, String data) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /** @param in the body; read in chunks as they arrive, never ahead of what the server sent */
    public SseReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * The next event, or null at the end of the stream.
     *
     * @throws InterruptedIOException when the calling thread was interrupted, so a caller can cancel a stream
     */
    public Event next() throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted");
        }
        String type = null;
        StringBuilder data = null;
        for (String text = readLine(); ; text = readLine()) {
            if (text == null) {
                return data == null ? null : new Event(type == null ? "message" : type, data.toString());
            }
            if (text.isEmpty()) {
                if (data != null) {
                    return new Event(type == null ? "message" : type, data.toString());
                }
                type = null;
                continue;
            }
            if (text.startsWith(":")) {
                continue;
            }
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                type = value;
            } else if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
    }

    /** The next complete line without its line end; null at the end of the stream (dropping a partial line). */
    private String readLine() throws IOException {
        line.reset();
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit < 0) {
                    limit = 0;
                    return null;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.write(buffer, start, position - start);
            if (position < limit) {
                position++;
                // a '\n' byte never occurs inside a multi-byte UTF-8 sequence, so decoding per line is safe
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
        }
    }
}
