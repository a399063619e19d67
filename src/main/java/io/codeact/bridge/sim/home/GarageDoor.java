package io.codeact.bridge.sim.home;

import io.codeact.bridge.sim.internal.RunningActivity;

/** A garage door that travels between closed (0) and open (1) in a fixed time; reversible mid-way. */
final class GarageDoor {
    final double travelSeconds;
    double position;
    int direction; // +1 opening, -1 closing, 0 still
    RunningActivity activity;

    GarageDoor(double travelSeconds, boolean open) {
        this.travelSeconds = travelSeconds;
        this.position = open ? 1 : 0;
    }

    String state() {
        if (direction > 0) {
            return "opening";
        }
        if (direction < 0) {
            return "closing";
        }
        return position >= 1 ? "open" : position <= 0 ? "closed" : "stopped";
    }

    /** Moves the door; returns true when it has just reached the end it was heading for. */
    boolean tick(double dt) {
        if (direction == 0) {
            return false;
        }
        position += direction * dt / travelSeconds;
        if (position >= 1 - 1e-9 || position <= 1e-9) {
            position = direction > 0 ? 1 : 0;
            direction = 0;
            return true;
        }
        return false;
    }
}
