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

    /** The fact types the table's conditions match (OrderCheck, Assessment, ...); blank patterns left out. */
    public java.util.Set<String> patternTypes() {
        java.util.Set<String> types = new java.util.LinkedHashSet<>();
        for (TableColumn column : columns) {
            if (column.kind() == ColumnKind.CONDITION && !column.objectType().isBlank() && !column.patternType().isBlank()) {
                types.add(column.patternType());
            }
        }
        return types;
    }
}
