package io.codeact.bridge.cli;

import java.util.List;
import java.util.Map;

/**
 * A text picture of a warehouse state for the terminal: walls and shelves {@code #}, obstacles {@code o},
 * docks {@code D}, named places {@code *}, the robot's path {@code .} and the robot {@code R}.
 * One character is 0.4 m across and 0.8 m high (terminal cells are about twice as tall as wide); a cell
 * shows a solid when any of its corners or its centre lies inside one.
 */
final class WarehouseMapView {
    private static final double CELL_X = 0.4;
    private static final double CELL_Y = 0.8;

    private static final double[][] SAMPLES = {{0.5, 0.5}, {0.05, 0.05}, {0.95, 0.05}, {0.05, 0.95}, {0.95, 0.95}};

    private WarehouseMapView() {}

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> state) {
        Map<String, Object> map = (Map<String, Object>) state.get("map");
        double width = ((Number) map.get("width")).doubleValue();
        double height = ((Number) map.get("height")).doubleValue();
        int cols = (int) Math.ceil(width / CELL_X);
        int rows = (int) Math.ceil(height / CELL_Y);
        char[][] grid = new char[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[r][c] = ' ';
                for (double[] f : SAMPLES) {
                    double x = (c + f[0]) * CELL_X;
                    double y = height - (r + f[1]) * CELL_Y;
                    if (inAny(map.get("walls"), x, y) || inAny(map.get("shelves"), x, y)) {
                        grid[r][c] = '#';
                        break;
                    }
                    if (inAny(map.get("obstacles"), x, y)) {
                        grid[r][c] = 'o';
                    }
                }
            }
        }
        for (Map<String, Object> place : (List<Map<String, Object>>) map.getOrDefault("places", List.of())) {
            put(grid, height, num(place.get("x")), num(place.get("y")), "dock".equals(place.get("kind")) ? 'D' : '*');
        }
        for (Map<String, Object> dock : (List<Map<String, Object>>) map.getOrDefault("docks", List.of())) {
            put(grid, height, num(dock.get("x")), num(dock.get("y")), 'D');
        }
        Map<String, Object> robots = (Map<String, Object>) state.get("robots");
        for (Object value : robots.values()) {
            Map<String, Object> robot = (Map<String, Object>) value;
            for (Object p : (List<Object>) robot.getOrDefault("path", List.of())) {
                List<Number> xy = (List<Number>) p;
                int[] cell = cell(height, xy.get(0).doubleValue(), xy.get(1).doubleValue(), rows, cols);
                if (cell != null && grid[cell[0]][cell[1]] == ' ') {
                    grid[cell[0]][cell[1]] = '.';
                }
            }
            put(grid, height, num(robot.get("x")), num(robot.get("y")), 'R');
        }
        String edge = "  +" + "-".repeat(cols) + "+\n";
        StringBuilder out = new StringBuilder(edge);
        for (char[] row : grid) {
            out.append("  |").append(new String(row)).append("|\n");
        }
        return out.append(edge).toString();
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static void put(char[][] grid, double height, double x, double y, char c) {
        int[] cell = cell(height, x, y, grid.length, grid[0].length);
        if (cell != null) {
            grid[cell[0]][cell[1]] = c;
        }
    }

    private static int[] cell(double height, double x, double y, int rows, int cols) {
        int c = (int) Math.floor(x / CELL_X);
        int r = (int) Math.floor((height - y) / CELL_Y);
        return r < 0 || r >= rows || c < 0 || c >= cols ? null : new int[] {r, c};
    }

    @SuppressWarnings("unchecked")
    private static boolean inAny(Object shapes, double x, double y) {
        if (!(shapes instanceof List<?> list)) {
            return false;
        }
        for (Object s : list) {
            Object polygon = ((Map<String, Object>) s).get("polygon");
            if (polygon instanceof List<?> pts && contains((List<List<Number>>) pts, x, y)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(List<List<Number>> pts, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
            double xi = pts.get(i).get(0).doubleValue();
            double yi = pts.get(i).get(1).doubleValue();
            double xj = pts.get(j).get(0).doubleValue();
            double yj = pts.get(j).get(1).doubleValue();
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
