package io.salesrisk.engine.table;

import java.util.List;

/** The cells of one sheet, addressable by 1-based row and 0-based column; blank where nothing was typed. */
public final class SheetGrid {

    private final String name;
    private final SheetCell[][] rows;

    SheetGrid(String name, SheetCell[][] rows) {
        this.name = name;
        this.rows = rows;
    }

    public String name() {
        return name;
    }

    /** Number of the last row that has any cell (1-based). */
    public int lastRow() {
        return rows.length;
    }

    /** Number of columns in the given row (0 when the row is absent). */
    public int width(int row) {
        return row < 1 || row > rows.length || rows[row - 1] == null ? 0 : rows[row - 1].length;
    }

    /** The cell at (row, column); a blank cell when nothing is there. */
    public SheetCell cell(int row, int column) {
        if (row >= 1 && row <= rows.length && rows[row - 1] != null && column < rows[row - 1].length) {
            SheetCell cell = rows[row - 1][column];
            if (cell != null) {
                return cell;
            }
        }
        return new SheetCell(name, row, column, "", false, column, List.of());
    }
}
