package io.codeact.bridge.transport.ros;

/**
 * A ROS {@code duration} value: signed seconds and nanoseconds, each a signed 32-bit integer on the wire.
 * The length is {@code secs + nsecs / 10⁹} seconds; {@link #ofNanos} gives the form rospy uses
 * ({@code nsecs} in 0..999999999, the sign carried by {@code secs}), values read from the wire are kept as sent.
 * <pre>{@code
 * Duration timeout = Duration.ofNanos(1_500_000_000L);   // 1.5 s
 * java.time.Duration d = timeout.toJavaDuration();
 * }</pre>
 *
 * @param secs  seconds, a signed 32-bit integer
 * @param nsecs nanoseconds, a signed 32-bit integer
 */
public record Duration(int secs, int nsecs) {

    public static final Duration ZERO = new Duration(0, 0);

    /** @throws IllegalArgumentException if the length does not fit in int32 seconds (about ±68 years) */
    public static Duration ofNanos(long nanos) {
        long secs = Math.floorDiv(nanos, 1_000_000_000L);
        long nsecs = Math.floorMod(nanos, 1_000_000_000L);
        if (secs < Integer.MIN_VALUE || secs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Duration of " + nanos + " ns does not fit in int32 seconds");
        }
        return new Duration((int) secs, (int) nsecs);
    }

    /** @throws IllegalArgumentException if the length does not fit in int32 seconds (about ±68 years) */
    public static Duration of(java.time.Duration duration) {
        return ofNanos(duration.toNanos());
    }

    public long toNanos() {
        return secs * 1_000_000_000L + nsecs;
    }

    public double toSeconds() {
        return secs + nsecs / 1e9;
    }

    public java.time.Duration toJavaDuration() {
        return java.time.Duration.ofSeconds(secs, nsecs);
    }
}
