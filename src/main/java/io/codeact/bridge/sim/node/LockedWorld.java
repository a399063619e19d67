package io.codeact.bridge.sim.node;

import io.codeact.bridge.sim.Activity;
import io.codeact.bridge.sim.SimClock;
import io.codeact.bridge.sim.World;
import java.util.Map;
import java.util.Set;

/**
 * A world shared by a node's runner thread and its ROS callback threads: every call holds the world's
 * monitor (the same lock {@code SimToolInvoker} takes), and every step wakes the threads waiting on it
 * for an activity to end.
 */
final class LockedWorld implements World {
    private final World world;

    LockedWorld(World world) {
        this.world = world;
    }

    /** The lock to hold for several calls in a row, and to {@code wait} on for the next step. */
    Object lock() {
        return world;
    }

    @Override
    public String name() {
        return world.name();
    }

    @Override
    public long seed() {
        synchronized (world) {
            return world.seed();
        }
    }

    @Override
    public SimClock clock() {
        return world.clock();
    }

    @Override
    public double tickSeconds() {
        return world.tickSeconds();
    }

    @Override
    public Set<String> apis() {
        return world.apis();
    }

    @Override
    public Activity start(String api, Map<String, ?> args) {
        synchronized (world) {
            return world.start(api, args);
        }
    }

    @Override
    public void step(double dtSeconds) {
        synchronized (world) {
            world.step(dtSeconds);
            world.notifyAll();
        }
    }

    @Override
    public Map<String, Object> halt(String reason) {
        synchronized (world) {
            Map<String, Object> halted = world.halt(reason);
            world.notifyAll();
            return halted;
        }
    }

    @Override
    public Map<String, Object> state() {
        synchronized (world) {
            return world.state();
        }
    }

    @Override
    public Map<String, Object> telemetry() {
        synchronized (world) {
            return world.telemetry();
        }
    }

    @Override
    public void reset(long seed) {
        synchronized (world) {
            world.reset(seed);
            world.notifyAll();
        }
    }
}
