package io.codeact.bridge.sim.warehouse;

import java.util.SplittableRandom;

/**
 * Wheel odometry: integrates the true motion with a per-robot scale and yaw bias (drawn once from the
 * seed) and gaussian noise that grows with distance, so it drifts slowly away from the truth.
 */
final class Odometry {
    private final double scaleBias;
    private final double yawBias;
    private final double noise;
    private final SplittableRandom random;
    private double x;
    private double y;
    private double theta;

    Odometry(WarehouseScenario.OdometrySpec spec, SplittableRandom random, double x, double y, double theta) {
        this.random = random;
        this.scaleBias = random.nextGaussian() * spec.scaleError();
        this.yawBias = random.nextGaussian() * spec.yawError();
        this.noise = spec.noise();
        reset(x, y, theta);
    }

    /** Adds one tick of true motion: {@code ds} m forward, {@code dTheta} rad turned. */
    void integrate(double ds, double dTheta) {
        if (ds == 0 && dTheta == 0) {
            return;
        }
        double measuredDs = ds * (1 + scaleBias);
        double measuredDt = dTheta * (1 + yawBias);
        if (noise > 0) {
            double scale = Math.sqrt(Math.abs(ds) + 0.2 * Math.abs(dTheta));
            measuredDs += random.nextGaussian() * noise * scale;
            measuredDt += random.nextGaussian() * noise * scale;
        }
        double mid = theta + measuredDt / 2;
        x += measuredDs * Math.cos(mid);
        y += measuredDs * Math.sin(mid);
        theta = FloorMap.wrapPi(theta + measuredDt);
    }

    /** Sets the estimate (at start, or from a dock's known pose). */
    void reset(double x, double y, double theta) {
        this.x = x;
        this.y = y;
        this.theta = FloorMap.wrapPi(theta);
    }

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    double theta() {
        return theta;
    }
}
