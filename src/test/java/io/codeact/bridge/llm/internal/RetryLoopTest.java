package io.codeact.bridge.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codeact.bridge.llm.ModelException;
import io.codeact.bridge.llm.ModelException.Kind;
import io.codeact.bridge.llm.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryLoopTest {
    private final List<Duration> waits = new ArrayList<>();

    private static AttemptFailure transientFailure() {
        return new AttemptFailure(Kind.SERVER, 503, "m at u answered HTTP 503", "Try later", true, null, null);
    }

    @Test
    void jitterShortensAWaitByAtMostItsFraction() {
        RetryLoop loop = new RetryLoop(RetryPolicy.DEFAULT, waits::add, () -> 0.999);
        AtomicInteger tries = new AtomicInteger();

        String result = loop.run(() -> {
            if (tries.incrementAndGet() < 3) {
                throw transientFailure();
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
    }

    @Test
    void failureThatRetryingCannotFixIsThrownAtOnce() {
        RetryLoop loop = new RetryLoop(RetryPolicy.DEFAULT, waits::add);

        ModelException e = catchThrowableOfType(ModelException.class, () -> loop.run(() -> {
            throw new AttemptFailure(Kind.AUTH, 401, "m at u answered HTTP 401", "Set KEY", false, null, null);
        }));

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e).hasMessage("m at u answered HTTP 401. Set KEY");
        assertThat(waits).isEmpty();
    }

    @Test
    void interruptionWhileWaitingCancelsAndKeepsTheInterruptFlag() {
        RetryLoop loop = new RetryLoop(RetryPolicy.DEFAULT.withoutJitter(), duration -> {
            throw new InterruptedException();
        });

        ModelException e = catchThrowableOfType(ModelException.class, () -> loop.run(() -> {
            throw transientFailure();
        }));

        assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(e).hasMessage("m at u answered HTTP 503; interrupted while waiting 0.5 s to retry");
        assertThat(Thread.interrupted()).isTrue();
    }
}
