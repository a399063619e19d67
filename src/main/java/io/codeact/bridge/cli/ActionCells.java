package io.codeact.bridge.cli;

import java.util.ArrayList;
import java.util.List;

/** Splits a Python file into actions at lines that are exactly {@code # %%} (notebook cell markers). */
final class ActionCells {
    private ActionCells() {}

    static List<String> split(String code) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            if (line.strip().equals("# %%") || line.strip().startsWith("# %% ")) {
                if (!cell.isEmpty()) {
                    cells.add(cell.toString());
                }
                cell.setLength(0);
                // keep line numbers of each cell relative to the cell, as notebooks do
                continue;
            }
            cell.append(line).append('\n');
        }
        if (!cell.toString().isBlank() || cells.isEmpty()) {
            cells.add(cell.toString());
        }
        return cells;
    }
}
