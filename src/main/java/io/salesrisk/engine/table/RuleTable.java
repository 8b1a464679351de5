package io.salesrisk.engine.table;

import java.util.List;

/**
 * A RuleTable block: a name, its columns and its data rows.
 *
 * @param name     text after "RuleTable"; rule names are {@code name_row}
 * @param nameCell the "RuleTable ..." cell
 * @param columns  columns left to right
 * @param rows     data rows, top to bottom
 */
public record RuleTable(String name, SheetCell nameCell, List<TableColumn> columns, List<TableRow> rows) {

    public String sheet() {
        return nameCell.sheet();
    }
}
