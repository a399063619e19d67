package io.codeact.bridge.safety;

import java.util.List;

/** A simple polygon in the floor plane (metres), for geofences and keep-out zones. */
public record Polygon(String name, List<double[]> points) {

    public Polygon {
        points = List.copyOf(points);
        if (points.size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 points, got " + points.size());
        }
    }

    /** Whether (x, y) is inside or on the boundary (ray casting; boundary points count as inside). */
    public boolean contains(double x, double y) {
        boolean inside = false;
        int n = points.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double[] a = points.get(i);
            double[] b = points.get(j);
            if (onSegment(x, y, a, b)) {
                return true;
            }
            if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Whether the segment from (x1, y1) to (x2, y2) touches the polygon's inside or boundary. */
    public boolean touchesSegment(double x1, double y1, double x2, double y2) {
        if (contains(x1, y1) || contains(x2, y2)) {
            return true;
        }
        int n = points.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if (segmentsCross(x1, y1, x2, y2, points.get(j), points.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean onSegment(double x, double y, double[] a, double[] b) {
        double cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
        if (Math.abs(cross) > 1e-9) {
            return false;
        }
        return x >= Math.min(a[0], b[0]) - 1e-9 && x <= Math.max(a[0], b[0]) + 1e-9
                && y >= Math.min(a[1], b[1]) - 1e-9 && y <= Math.max(a[1], b[1]) + 1e-9;
    }

    private static boolean segmentsCross(double x1, double y1, double x2, double y2, double[] a, double[] b) {
        double d1 = orient(a[0], a[1], b[0], b[1], x1, y1);
        double d2 = orient(a[0], a[1], b[0], b[1], x2, y2);
        double d3 = orient(x1, y1, x2, y2, a[0], a[1]);
        double d4 = orient(x1, y1, x2, y2, b[0], b[1]);
        return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
    }

    private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }
}
