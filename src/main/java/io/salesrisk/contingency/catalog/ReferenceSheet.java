package io.salesrisk.contingency.catalog;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.table.CellValues;
import io.salesrisk.engine.table.SheetCell;
import io.salesrisk.engine.table.SheetGrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One reference table on a sheet (a keyword cell such as {@code RiskRegister}, a header row under it, data rows
 * until the first blank key cell), read with the shared cell reading, collecting every problem at its cell.
 */
final class ReferenceSheet {

    final String file;
    final SheetGrid sheet;
    final int headerRow;
    final int firstColumn;
    private final List<CompileMessage> errors;

    ReferenceSheet(String file, SheetGrid sheet, int headerRow, int firstColumn, List<CompileMessage> errors) {
        this.file = file;
        this.sheet = sheet;
        this.headerRow = headerRow;
        this.firstColumn = firstColumn;
        this.errors = errors;
    }

    /** The keyword cell above the header. */
    SheetCell keyword() {
        return sheet.cell(headerRow - 1, firstColumn);
    }

    /**
     * Header columns by meaning, matched on how the label starts (case ignored); a missing required column is an
     * error at the header.
     */
    Map<String, Integer> columns(String table, List<String> required, List<String> optional) {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int col = firstColumn; col < sheet.width(headerRow); col++) {
            String label = sheet.cell(headerRow, col).text().trim().toLowerCase(Locale.ROOT);
            for (String name : all) {
                if (!label.isEmpty() && label.startsWith(name) && !columns.containsKey(name)) {
                    columns.put(name, col);
                }
            }
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                error(sheet.cell(headerRow, firstColumn), table + ": the header row needs a column '" + name + "'");
            }
        }
        return columns;
    }

    SheetCell cell(int row, Integer column) {
        return column == null ? sheet.cell(row, firstColumn + 1000) : sheet.cell(row, column);
    }

    String text(int row, Integer column) {
        return column == null ? "" : sheet.cell(row, column).text().trim();
    }

    /** A whole number 1-5, or null after recording the error. */
    Integer oneToFive(SheetCell cell, String what) {
        Integer value = CellValues.wholeNumber(cell.text(), 1, 5);
        if (value == null) {
            error(cell, what + " must be a whole number from 1 to 5, not '" + cell.text() + "'");
        }
        return value;
    }

    String source(int row) {
        return file + ", sheet " + sheet.name() + ", row " + row;
    }

    CompileMessage at(SheetCell cell) {
        return CompileMessage.cellError(file, cell.sheet(), cell.ref(), "");
    }

    void error(SheetCell cell, String message) {
        errors.add(CompileMessage.cellError(file, cell.sheet(), cell.ref(), message));
    }
}
