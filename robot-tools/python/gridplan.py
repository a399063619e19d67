"""Shortest paths on an occupancy grid (A*, 8-connected), for planning round obstacles.

    grid = Grid.from_map(robot.map.info(), cell=0.25, inflate=0.35)
    path = grid.plan((2.0, 6.0), (18.4, 6.0))     # list of (x, y) waypoints in metres, or None
"""
import heapq
import math


class Grid:
    """A boolean occupancy grid over [0, width] x [0, height] metres; True = blocked."""

    def __init__(self, width, height, cell):
        self.cell = cell
        self.cols = int(math.ceil(width / cell))
        self.rows = int(math.ceil(height / cell))
        self.blocked = [[False] * self.cols for _ in range(self.rows)]

    @classmethod
    def from_map(cls, info, cell=0.25, inflate=0.35):
        """A grid from map.info(): walls, shelves and obstacles, grown by inflate metres (robot radius + margin)."""
        grid = cls(info["width"], info["height"], cell)
        for kind in ("walls", "shelves", "obstacles"):
            for shape in info.get(kind, []):
                grid.block_polygon(shape["polygon"], inflate)
        return grid

    def block_polygon(self, polygon, inflate=0.0):
        xs = [p[0] for p in polygon]
        ys = [p[1] for p in polygon]
        x0, x1 = min(xs) - inflate, max(xs) + inflate
        y0, y1 = min(ys) - inflate, max(ys) + inflate
        for r in range(max(0, int(y0 / self.cell)), min(self.rows, int(y1 / self.cell) + 1)):
            for c in range(max(0, int(x0 / self.cell)), min(self.cols, int(x1 / self.cell) + 1)):
                self.blocked[r][c] = True

    def to_cell(self, p):
        return (min(self.rows - 1, max(0, int(p[1] / self.cell))), min(self.cols - 1, max(0, int(p[0] / self.cell))))

    def to_point(self, rc):
        return ((rc[1] + 0.5) * self.cell, (rc[0] + 0.5) * self.cell)

    def plan(self, start, goal):
        """Waypoints (x, y) from start to goal avoiding blocked cells, simplified to the turns; None if no path."""
        s, g = self.to_cell(start), self.to_cell(goal)
        frontier = [(0.0, s)]
        came = {s: None}
        cost = {s: 0.0}
        while frontier:
            _, cur = heapq.heappop(frontier)
            if cur == g:
                break
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr == 0 and dc == 0:
                        continue
                    nxt = (cur[0] + dr, cur[1] + dc)
                    if not (0 <= nxt[0] < self.rows and 0 <= nxt[1] < self.cols) or self.blocked[nxt[0]][nxt[1]]:
                        continue
                    step = math.hypot(dr, dc)
                    new = cost[cur] + step
                    if nxt not in cost or new < cost[nxt]:
                        cost[nxt] = new
                        came[nxt] = cur
                        heapq.heappush(frontier, (new + math.hypot(g[0] - nxt[0], g[1] - nxt[1]), nxt))
        if g not in came:
            return None
        cells = []
        cur = g
        while cur is not None:
            cells.append(cur)
            cur = came[cur]
        cells.reverse()
        turns = [cells[0]]
        for i in range(1, len(cells) - 1):
            a, b, c = cells[i - 1], cells[i], cells[i + 1]
            if (b[0] - a[0], b[1] - a[1]) != (c[0] - b[0], c[1] - b[1]):
                turns.append(b)
        turns.append(cells[-1])
        points = [self.to_point(rc) for rc in turns]
        points[-1] = (float(goal[0]), float(goal[1]))
        return points
