package io.codeact.bridge.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A test clock that moves forward by a fixed step each time it is read. Thread-safe. */
final class SteppingClock extends Clock {
    private final Instant start;
    private final long stepMillis;
    private final AtomicLong reads = new AtomicLong();

    SteppingClock(Instant start, Duration step) {
        this.start = start;
        this.stepMillis = step.toMillis();
    }

    @Override
    public Instant instant() {
        return start.plusMillis(stepMillis * reads.getAndIncrement());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("SteppingClock is UTC only");
    }
}
