package io.codeact.bridge.sim.warehouse;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A planar lidar at the robot's centre. Beam i points at {@code angleMin + i * increment} from the
 * robot's heading (counter-clockwise positive), as in ROS {@code sensor_msgs/LaserScan}. A beam with no
 * return within {@code rangeMax} reads {@code rangeMax}.
 */
final class Lidar {
    final WarehouseScenario.LidarSpec spec;
    final double angleMin;
    final double increment;
    private final double[] relCos;
    private final double[] relSin;
    private final double[] cos;
    private final double[] sin;
    private final SplittableRandom random;

    Lidar(WarehouseScenario.LidarSpec spec, SplittableRandom random) {
        this.spec = spec;
        this.random = random;
        int n = spec.beams();
        double fov = Math.toRadians(spec.fovDegrees());
        boolean fullCircle = spec.fovDegrees() >= 360;
        this.increment = n == 1 ? 0 : fullCircle ? fov / n : fov / (n - 1);
        this.angleMin = n == 1 ? 0 : -fov / 2;
        relCos = new double[n];
        relSin = new double[n];
        cos = new double[n];
        sin = new double[n];
        for (int i = 0; i < n; i++) {
            relCos[i] = Math.cos(angleMin + i * increment);
            relSin[i] = Math.sin(angleMin + i * increment);
        }
    }

    double angleMax() {
        return angleMin + (spec.beams() - 1) * increment;
    }

    /** True ranges (no noise) from the robot's true pose; beams without a return hold {@code rangeMax}. */
    double[] trueRanges(Robot self, FloorMap map, List<Robot> robots) {
        int n = spec.beams();
        double max = spec.rangeMax();
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
        double c = Math.cos(self.theta);
        double s = Math.sin(self.theta);
        for (int i = 0; i < n; i++) {
            cos[i] = c * relCos[i] - s * relSin[i];
            sin[i] = s * relCos[i] + c * relSin[i];
        }
        double start = self.theta + angleMin;
        // a single beam has no angular width: give it a tiny one so the rasteriser still sees it
        map.cast(self.x, self.y, start, n == 1 ? 1e-6 : increment, n, cos, sin, out);
        for (Robot other : robots) {
            if (other != self) {
                hitCircle(self.x, self.y, other.x, other.y, other.spec.radius(), out);
            }
        }
        for (int i = 0; i < n; i++) {
            if (out[i] > max) {
                out[i] = max;
            }
        }
        return out;
    }

    /** One scan as the sensor reports it: true ranges plus gaussian noise, clamped to [rangeMin, rangeMax]. */
    double[] scan(Robot self, FloorMap map, List<Robot> robots) {
        double[] ranges = trueRanges(self, map, robots);
        double max = spec.rangeMax();
        for (int i = 0; i < ranges.length; i++) {
            if (ranges[i] < max) {
                double r = ranges[i] + random.nextGaussian() * spec.noise();
                ranges[i] = Math.max(spec.rangeMin(), Math.min(max, r));
            }
        }
        return ranges;
    }

    private void hitCircle(double sx, double sy, double cx, double cy, double r, double[] out) {
        double ox = cx - sx;
        double oy = cy - sy;
        double dist = Math.hypot(ox, oy);
        if (dist - r > spec.rangeMax()) {
            return;
        }
        for (int i = 0; i < out.length; i++) {
            double along = ox * cos[i] + oy * sin[i];
            if (along <= 0) {
                continue;
            }
            double perp2 = dist * dist - along * along;
            if (perp2 <= r * r) {
                double t = along - Math.sqrt(r * r - perp2);
                if (t > 0 && t < out[i]) {
                    out[i] = t;
                }
            }
        }
    }
}
