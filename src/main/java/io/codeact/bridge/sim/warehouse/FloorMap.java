package io.codeact.bridge.sim.warehouse;

import io.codeact.bridge.sim.internal.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The static geometry of a warehouse: walls, shelves and obstacles as polygons, flattened into edge
 * arrays for fast circle-contact tests and lidar ray casting.
 */
final class FloorMap {
    private final List<WarehouseScenario.Solid> solids;
    private final double[] minX;
    private final double[] minY;
    private final double[] maxX;
    private final double[] maxY;
    // edges, all solids together; edgeStart[s]..edgeStart[s+1] are solid s's edges
    private final double[] ax;
    private final double[] ay;
    private final double[] bx;
    private final double[] by;
    private final int[] edgeStart;

    FloorMap(List<WarehouseScenario.Solid> solids) {
        this.solids = List.copyOf(solids);
        int n = solids.size();
        minX = new double[n];
        minY = new double[n];
        maxX = new double[n];
        maxY = new double[n];
        edgeStart = new int[n + 1];
        int edges = solids.stream().mapToInt(s -> s.polygon().size()).sum();
        ax = new double[edges];
        ay = new double[edges];
        bx = new double[edges];
        by = new double[edges];
        int e = 0;
        for (int s = 0; s < n; s++) {
            List<double[]> poly = solids.get(s).polygon();
            edgeStart[s] = e;
            minX[s] = minY[s] = Double.POSITIVE_INFINITY;
            maxX[s] = maxY[s] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < poly.size(); i++) {
                double[] p = poly.get(i);
                double[] q = poly.get((i + 1) % poly.size());
                ax[e] = p[0];
                ay[e] = p[1];
                bx[e] = q[0];
                by[e] = q[1];
                e++;
                minX[s] = Math.min(minX[s], p[0]);
                minY[s] = Math.min(minY[s], p[1]);
                maxX[s] = Math.max(maxX[s], p[0]);
                maxY[s] = Math.max(maxY[s], p[1]);
            }
        }
        edgeStart[n] = e;
    }

    List<WarehouseScenario.Solid> solids() {
        return solids;
    }

    /** The name of the first solid a disc of radius {@code r} at (x, y) overlaps, or {@code null}. */
    String blockedBy(double x, double y, double r) {
        for (int s = 0; s < solids.size(); s++) {
            if (x + r < minX[s] || x - r > maxX[s] || y + r < minY[s] || y - r > maxY[s]) {
                continue;
            }
            if (inside(s, x, y) || edgeDistanceSq(s, x, y) < r * r) {
                return solids.get(s).name();
            }
        }
        return null;
    }

    /** Distance from (x, y) to the nearest solid surface (0 inside a solid). */
    double clearance(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < solids.size(); s++) {
            if (inside(s, x, y)) {
                return 0;
            }
            best = Math.min(best, edgeDistanceSq(s, x, y));
        }
        return Math.sqrt(best);
    }

    /**
     * Casts {@code n} rays from (sx, sy); ray i points along (cos[i], sin[i]) at world angle
     * {@code start + i * inc}. Each edge is rasterised onto the beams its angular span covers, so a
     * scan costs O(edges + hits) rather than O(edges × beams). {@code out} holds the current nearest
     * hit per beam and is only lowered.
     */
    void cast(double sx, double sy, double start, double inc, int n, double[] cos, double[] sin, double[] out) {
        double twoPi = 2 * Math.PI;
        for (int k = 0; k < ax.length; k++) {
            double px = ax[k] - sx;
            double py = ay[k] - sy;
            double qx = bx[k] - sx;
            double qy = by[k] - sy;
            double pa = wrap2Pi(Math.atan2(py, px) - start);
            double pb = wrap2Pi(Math.atan2(qy, qx) - start);
            double d = pb - pa;
            if (d > Math.PI) {
                d -= twoPi;
            } else if (d < -Math.PI) {
                d += twoPi;
            }
            double lo = d >= 0 ? pa : pb;
            double hi = lo + Math.abs(d);
            double ex = qx - px;
            double ey = qy - py;
            hitBeams(lo, Math.min(hi, twoPi), inc, n, px, py, ex, ey, cos, sin, out);
            if (hi >= twoPi) {
                hitBeams(0, hi - twoPi, inc, n, px, py, ex, ey, cos, sin, out);
            }
        }
    }

    private static void hitBeams(double lo, double hi, double inc, int n, double px, double py, double ex, double ey,
                                 double[] cos, double[] sin, double[] out) {
        int i0 = Math.max(0, (int) Math.ceil(lo / inc - 1e-9));
        int i1 = Math.min(n - 1, (int) Math.floor(hi / inc + 1e-9));
        for (int i = i0; i <= i1; i++) {
            double c = cos[i];
            double s = sin[i];
            double denom = c * ey - s * ex;
            if (Math.abs(denom) < 1e-12) {
                continue;
            }
            double t = (px * ey - py * ex) / denom;
            double u = (px * s - py * c) / denom;
            if (t > 0 && u >= -1e-9 && u <= 1 + 1e-9 && t < out[i]) {
                out[i] = t;
            }
        }
    }

    private boolean inside(int s, double x, double y) {
        boolean in = false;
        for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
            if ((ay[e] > y) != (by[e] > y) && x < (bx[e] - ax[e]) * (y - ay[e]) / (by[e] - ay[e]) + ax[e]) {
                in = !in;
            }
        }
        return in;
    }

    private double edgeDistanceSq(int s, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
            double ex = bx[e] - ax[e];
            double ey = by[e] - ay[e];
            double len = ex * ex + ey * ey;
            double t = len == 0 ? 0 : ((x - ax[e]) * ex + (y - ay[e]) * ey) / len;
            t = Math.max(0, Math.min(1, t));
            double dx = ax[e] + t * ex - x;
            double dy = ay[e] + t * ey - y;
            best = Math.min(best, dx * dx + dy * dy);
        }
        return best;
    }

    static double wrap2Pi(double a) {
        double r = a % (2 * Math.PI);
        return r < 0 ? r + 2 * Math.PI : r;
    }

    /** Angle wrapped to (-π, π]. */
    static double wrapPi(double a) {
        double r = wrap2Pi(a);
        return r > Math.PI ? r - 2 * Math.PI : r;
    }

    /** The solids of one kind as state maps: name and polygon. */
    List<Map<String, Object>> toState(String kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WarehouseScenario.Solid s : solids) {
            if (s.kind().equals(kind)) {
                List<List<Double>> poly = s.polygon().stream().map(p -> Fields.xy(p[0], p[1])).toList();
                out.add(Fields.of("name", s.name(), "polygon", poly));
            }
        }
        return out;
    }
}
