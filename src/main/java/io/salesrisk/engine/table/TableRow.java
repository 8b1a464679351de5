package io.salesrisk.engine.table;

import java.util.List;

/**
 * One data row of a RuleTable: becomes one rule.
 *
 * @param row   1-based spreadsheet row
 * @param cells one cell per column of the table, in column order
 * @param rule  the rule's name, from {@link RuleNames}
 */
public record TableRow(int row, List<SheetCell> cells, String rule) {
}
