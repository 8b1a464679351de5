package io.salesrisk.ruleset.diff;

import java.util.List;

/**
 * What changed between two rule-set versions, the way a risk officer reviews it: files, decision-table rows
 * (cell by cell) and DRL rules.
 *
 * @param files    every file that was added, removed or changed
 * @param rows     changed decision-table rows
 * @param drlRules changed DRL rules
 */
public record RuleSetDiff(String from, String to, List<FileChange> files, List<RowChange> rows, List<RuleChange> drlRules) {

    /** ADDED, REMOVED or CHANGED. */
    public enum Change { ADDED, REMOVED, CHANGED }

    public record FileChange(String path, Change change) {
    }

    /**
     * One table row.
     *
     * @param rule     the row's stable rule name, by which the two versions' rows are paired
     * @param key      what identifies the row for a reader, e.g. "Risk class = C"; null for a table without key columns
     * @param fromRow  the row's number in the old version (null when added)
     * @param toRow    the row's number in the new version (null when removed)
     * @param cells    the cells that differ (all cells for an added or removed row)
     */
    public record RowChange(String file, String sheet, String table, String rule, String key, Integer fromRow, Integer toRow,
                            Change change, List<CellChange> cells) {
    }

    /** A cell value before and after, under its column label. */
    public record CellChange(String column, String before, String after) {
    }

    /** One DRL rule. */
    public record RuleChange(String file, String rule, Change change, Integer fromLine, Integer toLine) {
    }
}
