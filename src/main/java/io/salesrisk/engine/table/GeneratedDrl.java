package io.salesrisk.engine.table;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.facts.RuleRef;

import java.util.List;
import java.util.Map;

/**
 * DRL generated from a decision-table workbook, with the origin of every line so that compiler errors can be
 * reported at the sheet and cell the author typed, never at a generated line number.
 *
 * @param drl      the DRL text
 * @param origins  for each line (index 0 = line 1), the cells it came from
 * @param rules    every generated rule by name, with its row
 * @param messages warnings and errors found while generating
 */
public record GeneratedDrl(String drl, List<LineOrigin> origins, Map<String, RuleRef> rules, List<CompileMessage> messages) {

    /**
     * Where a generated line came from.
     *
     * @param cell     the cell whose value produced the line (a data cell, or a header cell)
     * @param template the code-snippet cell of the column, when the line came from a data cell
     * @param rule     the rule the line belongs to, or null for package-level lines
     */
    public record LineOrigin(SheetCell cell, SheetCell template, String rule) {
    }

    /** The origin of a 1-based line, or null when out of range. */
    public LineOrigin origin(int line) {
        return line >= 1 && line <= origins.size() ? origins.get(line - 1) : null;
    }
}
