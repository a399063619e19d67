package io.codeact.bridge.transport.ros;

import java.time.Instant;

/**
 * A ROS {@code time} value: seconds and nanoseconds since the epoch (or since the start of a simulation when
 * {@code /use_sim_time} is set), each an unsigned 32-bit integer on the wire.
 *
 * <p>Values are not normalised: a peer may send {@code nsecs ≥ 10⁹} and it is kept as sent.
 * <pre>{@code
 * Time stamp = Time.ofNanos(System.currentTimeMillis() * 1_000_000L);
 * double seconds = stamp.toSeconds();
 * }</pre>
 *
 * @param secs  seconds, 0 to 4294967295
 * @param nsecs nanoseconds, 0 to 4294967295 (normally below 1000000000)
 */
public record Time(long secs, long nsecs) {
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    /** Time zero: also what "no time set" means in ROS. */
    public static final Time ZERO = new Time(0, 0);

    public Time {
        if (secs < 0 || secs > UINT32_MAX) {
            throw new IllegalArgumentException("Time secs must be in 0..4294967295 (uint32), got " + secs);
        }
        if (nsecs < 0 || nsecs > UINT32_MAX) {
            throw new IllegalArgumentException("Time nsecs must be in 0..4294967295 (uint32), got " + nsecs);
        }
    }

    /** @throws IllegalArgumentException if {@code nanos} is negative or past the year 2106 (uint32 seconds) */
    public static Time ofNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("Time cannot be negative, got " + nanos + " ns; use Duration for differences");
        }
        return new Time(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }

    /** @throws IllegalArgumentException if the instant is before 1970 or past the year 2106 */
    public static Time of(Instant instant) {
        if (instant.getEpochSecond() < 0) {
            throw new IllegalArgumentException("Time cannot be before 1970, got " + instant);
        }
        return new Time(instant.getEpochSecond(), instant.getNano());
    }

    public long toNanos() {
        return secs * 1_000_000_000L + nsecs;
    }

    public double toSeconds() {
        return secs + nsecs / 1e9;
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(secs, nsecs);
    }
}
