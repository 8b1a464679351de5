package io.salesrisk.engine.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the rules of a table by what their rows say, not where they stand, so inserting or moving a row in Excel
 * renames no other rule, and stored decisions, scenarios, simulation diffs and per-rule statistics keep their link:
 * <ul>
 *   <li>a row's NAME cell, when the table has a NAME column, is the name as typed;</li>
 *   <li>otherwise the table name and the row's key cells (the {@code ==} and {@code forall} conditions such as risk
 *       class or segment), e.g. {@code CreditLimitExceeded[C]} or {@code CreditPolicy[A, ENTERPRISE]}; a list cell
 *       reads {@code D/E}, an empty key cell {@code any};</li>
 *   <li>rows whose keys are not unique in the table (bands of one segment) add their bounds, e.g.
 *       {@code SeasonalDrop[ENTERPRISE, 15..30]}, {@code ScoreDaysLate[..5]}; only rows that share their keys with
 *       another row get the longer name, so a new band renames no row of another segment;</li>
 *   <li>a table without key columns and with one row names its rule after the table: {@code PortfolioOverdueRatio};</li>
 *   <li>rows that are still alike (the same conditions twice: an overlap the analysis reports) are numbered by their
 *       order among themselves: {@code #2}.</li>
 * </ul>
 * The sheet and row stay in each rule's source.
 */
public final class RuleNames {

    /** Names longer than this are cut: rule names are stored in 200-character columns. */
    static final int MAX_LENGTH = 190;
    private static final int MAX_VALUE = 40;

    private RuleNames() {
    }

    /** The rule name of every row of a table, in row order. */
    public static List<String> of(String table, List<TableColumn> columns, List<List<SheetCell>> rows) {
        List<ColumnMeaning> meanings = columns.stream().map(ColumnMeaning::of).toList();
        int nameColumn = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).kind() == ColumnKind.NAME) {
                nameColumn = i;
            }
        }
        List<String> keys = new ArrayList<>();
        for (List<SheetCell> cells : rows) {
            keys.add(keyPart(cells, meanings));
        }
        Map<String, Integer> keyCounts = counts(keys);
        List<String> names = new ArrayList<>();
        java.util.Set<Integer> typed = new java.util.HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            List<SheetCell> cells = rows.get(r);
            if (nameColumn >= 0 && !cells.get(nameColumn).isBlank()) {
                names.add(cells.get(nameColumn).text());
                typed.add(r);
                continue;
            }
            String inside = keys.get(r);
            if (keyCounts.get(inside) > 1) {
                String bounds = boundPart(cells, meanings);
                inside = inside.isEmpty() ? bounds : bounds.isEmpty() ? inside : inside + ", " + bounds;
            }
            // a table of one row without key columns is that one rule
            names.add(inside.isEmpty() ? table : fit(table + "[" + inside + "]"));
        }
        return numberRepeats(names, typed);
    }

    private static String keyPart(List<SheetCell> cells, List<ColumnMeaning> meanings) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < meanings.size(); i++) {
            if (meanings.get(i) != null && meanings.get(i).isKey()) {
                SheetCell cell = cells.get(i);
                parts.add(cell.isBlank() ? "any" : value(String.join("/", CellValues.values(cell.text()))));
            }
        }
        return String.join(", ", parts);
    }

    /** The row's bounds per field ({@code low..high}, {@code low..}, {@code ..high}) and its other conditions. */
    private static String boundPart(List<SheetCell> cells, List<ColumnMeaning> meanings) {
        Map<String, String[]> bounds = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < meanings.size(); i++) {
            ColumnMeaning meaning = meanings.get(i);
            SheetCell cell = cells.get(i);
            if (meaning == null || meaning.isKey() || cell.isBlank()) {
                continue;
            }
            if (meaning.isBound()) {
                String[] range = bounds.computeIfAbsent(meaning.field(), f -> new String[2]);
                range[meaning.kind() == ColumnMeaning.Kind.LOWER ? 0 : 1] = value(cell.text());
            } else {
                others.add(value(cell.text()));
            }
        }
        List<String> parts = new ArrayList<>();
        bounds.values().forEach(range -> parts.add((range[0] == null ? "" : range[0]) + ".." + (range[1] == null ? "" : range[1])));
        parts.addAll(others);
        return String.join(", ", parts);
    }

    private static String value(String text) {
        String plain = text.replace("\"", "").replace("[", "(").replace("]", ")").replaceAll("\\s+", " ").trim();
        return plain.length() <= MAX_VALUE ? plain : plain.substring(0, MAX_VALUE - 3) + "...";
    }

    private static String fit(String name) {
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH - 4) + "...]";
    }

    /** Generated names that repeat get "#2", "#3"; a typed name stays as typed (twice is an error at its cell). */
    private static List<String> numberRepeats(List<String> names, java.util.Set<Integer> typed) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> unique = new ArrayList<>();
        for (int r = 0; r < names.size(); r++) {
            String name = names.get(r);
            if (typed.contains(r)) {
                unique.add(name);
                continue;
            }
            int n = seen.merge(name, 1, Integer::sum);
            unique.add(n == 1 ? name : name + " #" + n);
        }
        return unique;
    }

    private static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }
}
