package io.codeact.bridge.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeact.bridge.llm.ChatMessage;
import io.codeact.bridge.llm.ChatReply;
import io.codeact.bridge.llm.ChatRequest;
import io.codeact.bridge.llm.ModelException;
import io.codeact.bridge.llm.ModelException.Kind;
import io.codeact.bridge.llm.RetryPolicy;
import io.codeact.bridge.llm.TokenListener;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpExchangeTest {
    private static final String KEY = "sk-proj-test-5c1f9d";
    private static final ChatRequest REQUEST = ChatRequest.of(ChatMessage.user("Drive forward half a metre."));
    private static final String FIRST_EVENT = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Moving\"},\"finish_reason\":null}]}\n\n";
    private static final String REST = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" forward\"},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();
    /** Lets a {@link #stallingStream()} send the rest of its events. */
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private HttpExchange exchange(Duration readTimeout, Duration callTimeout) {
        Endpoint endpoint = new Endpoint("openai:gpt-4o-mini", "gpt-4o-mini", URI.create(server.url("/v1/chat/completions").toString()),
                KEY, "OPENAI_API_KEY", "OPENAI_API_KEY", new Endpoint.Advice("", "check the URL", "start the server"));
        RetryLoop retries = new RetryLoop(RetryPolicy.DEFAULT.withoutJitter(), waits::add);
        return new HttpExchange(endpoint, retries, Clock.systemUTC(), new HttpExchange.Timeouts(Duration.ofSeconds(10), readTimeout, callTimeout));
    }

    private HttpExchange exchange() {
        return exchange(Duration.ofMinutes(5), Duration.ZERO);
    }

    private static ChatReply stream(HttpExchange exchange, TokenListener listener) {
        return exchange.post(Map.of("Authorization", "Bearer " + KEY), "{}".getBytes(StandardCharsets.UTF_8),
                (status, type, body) -> OpenAiWire.readStream(status, body, exchange.endpoint(), new ReplyStream(REQUEST, listener)));
    }

    private static MockResponse events(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private String endpoint() {
        return "openai:gpt-4o-mini at " + server.url("/v1/chat/completions");
    }

    /** Sends the first event, then holds the rest until the test releases it. */
    private MockResponse stallingStream() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(FIRST_EVENT).flush();
                try {
                    release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sink.writeUtf8(REST).flush();
            }
        }).build();
    }

    @Test
    void aFinishedStreamLeavesItsConnectionForTheNextCall() throws Exception {
        server.enqueue(events(FIRST_EVENT + REST));
        server.enqueue(events(FIRST_EVENT + REST));
        HttpExchange exchange = exchange();

        assertThat(stream(exchange, TokenListener.NONE).text()).isEqualTo("Moving forward");
        assertThat(stream(exchange, TokenListener.NONE).text()).isEqualTo("Moving forward");

        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
        assertThat(second.getExchangeIndex()).isEqualTo(1);
    }

    @Test
    void deliversEachEventAsItArrivesAndFinishesWhenTheServerDoes() {
        server.enqueue(stallingStream());
        CountDownLatch firstToken = new CountDownLatch(1);
        BackgroundCall call = BackgroundCall.start(() -> stream(exchange(), piece -> firstToken.countDown()));

        assertThat(await(firstToken)).as("the first token arrives while the server holds the rest").isTrue();
        release.countDown();

        assertThat(call.awaitEnd()).isInstanceOfSatisfying(ChatReply.class, reply -> assertThat(reply.text()).isEqualTo("Moving forward"));
    }

    @Test
    void interruptingTheCallingThreadCancelsACallWaitingForTheAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        BackgroundCall call = BackgroundCall.start(() -> stream(exchange(), TokenListener.NONE));
        server.takeRequest();

        call.thread.interrupt();

        assertThat(call.awaitEnd()).isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
            assertThat(e).hasMessage(endpoint() + ": the call was interrupted. Nothing more was read; ask again when ready");
        });
        assertThat(call.stillInterrupted).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void interruptingTheCallingThreadCancelsAStalledStream() {
        server.enqueue(stallingStream());
        CountDownLatch firstToken = new CountDownLatch(1);
        StringBuilder text = new StringBuilder();
        BackgroundCall call = BackgroundCall.start(() -> stream(exchange(), piece -> {
            text.append(piece);
            firstToken.countDown();
        }));
        assertThat(await(firstToken)).isTrue();

        call.thread.interrupt();

        assertThat(call.awaitEnd()).isInstanceOfSatisfying(ModelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
        assertThat(call.stillInterrupted).isTrue();
        assertThat(text).hasToString("Moving");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void callTimeoutEndsAnAttemptWaitingForTheAnswerAndIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(events(FIRST_EVENT + REST));

        ChatReply reply = stream(exchange(Duration.ofMinutes(5), Duration.ofMillis(300)), TokenListener.NONE);

        assertThat(reply.text()).isEqualTo("Moving forward");
        assertThat(waits).hasSize(1);
    }

    @Test
    void callTimeoutDuringAStreamIsTruncatedAndSaysWhichTimeoutRanOut() {
        server.enqueue(stallingStream());

        BackgroundCall call = BackgroundCall.start(() -> stream(exchange(Duration.ofMinutes(5), Duration.ofMillis(300)), TokenListener.NONE));

        assertThat(call.awaitEnd()).isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(e.getMessage()).startsWith(endpoint() + ": the streamed reply ended before data: [DONE] after 6 characters "
                    + "(the call timeout ran out). The text received so far is incomplete");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A model call on its own thread, so the test can interrupt it. */
    private static final class BackgroundCall {
        final Thread thread;
        private final AtomicReference<Object> outcome = new AtomicReference<>();
        private volatile boolean stillInterrupted;

        private BackgroundCall(Supplier<?> work) {
            this.thread = new Thread(() -> {
                try {
                    outcome.set(work.get());
                } catch (RuntimeException e) {
                    outcome.set(e);
                }
                stillInterrupted = Thread.currentThread().isInterrupted();
            }, "model-call");
        }

        static BackgroundCall start(Supplier<?> work) {
            BackgroundCall call = new BackgroundCall(work);
            call.thread.start();
            return call;
        }

        /** The reply or the exception, once the call ended; fails when it does not end promptly. */
        Object awaitEnd() {
            try {
                thread.join(PATIENCE.toMillis());
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(thread.isAlive()).as("the call ended within " + PATIENCE).isFalse();
            return outcome.get();
        }
    }
}
