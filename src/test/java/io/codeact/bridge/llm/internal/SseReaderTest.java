package io.codeact.bridge.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    private static List<SseReader.Event> read(String stream) throws IOException {
        return read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<SseReader.Event> read(InputStream in) throws IOException {
        SseReader reader = new SseReader(in);
        List<SseReader.Event> events = new ArrayList<>();
        for (SseReader.Event e = reader.next(); e != null; e = reader.next()) {
            events.add(e);
        }
        return events;
    }

    @Test
    void readsNamedAndUnnamedEvents() throws IOException {
        assertThat(read("event: ping\ndata: {\"type\": \"ping\"}\n\ndata: [DONE]\n\n")).containsExactly(
                new SseReader.Event("ping", "{\"type\": \"ping\"}"),
                new SseReader.Event("message", "[DONE]"));
    }

    @Test
    void joinsDataLinesWithNewlines() throws IOException {
        assertThat(read("data: first\ndata: second\n\n")).containsExactly(new SseReader.Event("message", "first\nsecond"));
    }

    @Test
    void skipsCommentsAndUnknownFieldsAndAcceptsCrLf() throws IOException {
        assertThat(read(": OPENROUTER PROCESSING\r\n\r\nid: 7\r\nretry: 100\r\ndata:{\"a\":1}\r\n\r\n"))
                .containsExactly(new SseReader.Event("message", "{\"a\":1}"));
    }

    @Test
    void keepsAnEventWhoseClosingBlankLineIsMissing() throws IOException {
        assertThat(read("data: [DONE]\n")).containsExactly(new SseReader.Event("message", "[DONE]"));
    }

    @Test
    void dropsALastLineCutBeforeItsEnd() throws IOException {
        assertThat(read("data: {\"ok\":1}\n\ndata: {\"choi")).containsExactly(new SseReader.Event("message", "{\"ok\":1}"));
    }

    @Test
    void decodesUtf8SplitAcrossReads() throws IOException {
        byte[] bytes = "data: ∆x = 0.5 m → ok\n\n".getBytes(StandardCharsets.UTF_8);
        InputStream oneByteAtATime = new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[next++];
                return 1;
            }
        };

        assertThat(read(oneByteAtATime)).containsExactly(new SseReader.Event("message", "∆x = 0.5 m → ok"));
    }

    @Test
    void emptyStreamHasNoEvents() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("\n\n: keep-alive\n\n")).isEmpty();
    }
}
