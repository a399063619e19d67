"""Plane geometry for code actions: distances, headings, angle wrapping, approach points.

Units are SI: metres and radians (counter-clockwise, 0 = +x), as the robot APIs use.
Points are (x, y) tuples or dicts with 'x' and 'y'.
"""
import math


def xy(p):
    """(x, y) of a point given as a tuple or a dict with 'x' and 'y'."""
    if isinstance(p, dict):
        return (float(p["x"]), float(p["y"]))
    return (float(p[0]), float(p[1]))


def distance(a, b):
    """Euclidean distance between two points, m."""
    (ax, ay), (bx, by) = xy(a), xy(b)
    return math.hypot(bx - ax, by - ay)


def heading(a, b):
    """Direction from a to b, rad in (-pi, pi]."""
    (ax, ay), (bx, by) = xy(a), xy(b)
    return math.atan2(by - ay, bx - ax)


def wrap(angle):
    """An angle wrapped to (-pi, pi]."""
    a = math.fmod(angle + math.pi, 2 * math.pi)
    if a <= 0:
        a += 2 * math.pi
    return a - math.pi


def approach_point(pose, distance_m=1.0):
    """The point distance_m in front of a pose {x, y, theta} (e.g. where to stop before docking)."""
    x, y = xy(pose)
    theta = float(pose["theta"]) if isinstance(pose, dict) else float(pose[2])
    return (x - math.cos(theta) * distance_m, y - math.sin(theta) * distance_m)


def nearest(point, candidates):
    """The candidate closest to point (candidates are points or dicts with x and y)."""
    return min(candidates, key=lambda c: distance(point, c))
