package io.codeact.bridge.sim.inprocess;

import io.codeact.bridge.sim.SimClock;
import io.codeact.bridge.sim.World;
import java.util.function.BooleanSupplier;

/**
 * How the in-process binding lets sim time pass during a call: as fast as possible (factor 0, the
 * default: the world lock is held for the whole call), or paced to the wall clock by a realtime factor
 * (1 = real time), one tick at a time, taking the world's lock for each tick only. Paced, a controller on
 * another thread can halt the world in the middle of a motion (the next tick sees it), and an interrupt
 * of the calling thread ends the wait: the motion is then no longer renewed, so its lease runs out.
 */
final class Pacing {
    private final double realtimeFactor;

    Pacing(double realtimeFactor) {
        if (!(realtimeFactor >= 0) || Double.isInfinite(realtimeFactor)) {
            throw new IllegalArgumentException("realtime factor must be a finite number >= 0 (0 = as fast as possible,"
                    + " 1 = real time), got " + realtimeFactor);
        }
        this.realtimeFactor = realtimeFactor;
    }

    boolean paced() {
        return realtimeFactor > 0;
    }

    double realtimeFactor() {
        return realtimeFactor;
    }

    /**
     * Steps {@code world} one tick at a time, paced, until {@code done} holds (checked under the world's lock
     * before each tick) or {@code timeoutSeconds} of sim time pass; {@code eachTick} runs under the lock
     * before each step (to renew a lease).
     *
     * @return whether {@code done} held
     * @throws InterruptedException when the calling thread is interrupted while waiting for the wall clock
     */
    boolean run(World world, BooleanSupplier done, double timeoutSeconds, Runnable eachTick) throws InterruptedException {
        long wallStart = System.nanoTime();
        long simStart;
        long deadline;
        synchronized (world) {
            simStart = world.clock().nanos();
            deadline = simStart + SimClock.toNanos(timeoutSeconds);
        }
        while (true) {
            long simElapsed;
            synchronized (world) {
                if (done.getAsBoolean()) {
                    return true;
                }
                if (world.clock().nanos() >= deadline) {
                    return false;
                }
                eachTick.run();
                world.step(world.tickSeconds());
                simElapsed = world.clock().nanos() - simStart;
            }
            long wait = wallStart + (long) (simElapsed / realtimeFactor) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } else if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
