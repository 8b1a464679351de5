package io.salesrisk.engine.table;

import io.salesrisk.engine.CompileMessage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks band tables the way a risk officer reads them: rows with the same keys (class, segment, ...) whose ranges
 * leave a hole ("gap: 40 matches no row") and rows that can both match the same inputs ("overlap"). Conditions are
 * understood when they compare a fact field with the cell ({@code ==}, {@code forall}, {@code >}, {@code >=},
 * {@code <}, {@code <=}); other conditions are treated as "different" so they never cause a false alarm. Tables
 * with an activation group are skipped: there overlapping rows are intended. Findings are warnings.
 */
public final class TableAnalyzer {

    private static final long MAX_PAIRS = 5_000_000;
    private static final int MAX_FINDINGS_PER_TABLE = 20;

    private TableAnalyzer() {
    }

    /** A numeric range with optional ends. */
    record Range(BigDecimal low, boolean lowInclusive, BigDecimal high, boolean highInclusive) {
        static final Range ALL = new Range(null, false, null, false);

        boolean intersects(Range other) {
            return below(low, lowInclusive, other.high, other.highInclusive) && below(other.low, other.lowInclusive, high, highInclusive);
        }

        private static boolean below(BigDecimal low, boolean lowIn, BigDecimal high, boolean highIn) {
            if (low == null || high == null) {
                return true;
            }
            int c = low.compareTo(high);
            return c < 0 || (c == 0 && lowIn && highIn);
        }

        String describe() {
            if (low == null && high == null) {
                return "any";
            }
            String from = low == null ? "" : (lowInclusive ? "from " : "above ") + plain(low);
            String to = high == null ? "" : (highInclusive ? "up to " : "below ") + plain(high);
            return (from + " " + to).trim();
        }
    }

    /** One data row as the analysis sees it. */
    record Row(TableRow source, Map<String, Set<String>> keys, Map<String, Range> ranges, Map<Integer, String> opaque) {
    }

    public static List<CompileMessage> analyse(String file, List<RuleTable> tables, Map<String, SheetCell> ruleSetProperties) {
        List<CompileMessage> findings = new ArrayList<>();
        boolean ruleSetActivationGroup = ruleSetProperties.containsKey("activationgroup");
        for (RuleTable table : tables) {
            if (ruleSetActivationGroup || table.columns().stream().anyMatch(c -> c.kind() == ColumnKind.ACTIVATION_GROUP)) {
                continue;
            }
            List<ColumnMeaning> meanings = table.columns().stream().map(ColumnMeaning::of).toList();
            List<Row> rows = table.rows().stream().map(row -> row(row, table.columns(), meanings)).toList();
            List<CompileMessage> tableFindings = new ArrayList<>();
            overlaps(file, table, rows, tableFindings);
            gaps(file, table, rows, tableFindings);
            findings.addAll(tableFindings.subList(0, Math.min(tableFindings.size(), MAX_FINDINGS_PER_TABLE)));
            if (tableFindings.size() > MAX_FINDINGS_PER_TABLE) {
                findings.add(CompileMessage.cellWarning(file, table.sheet(), table.nameCell().ref(), "RuleTable "
                        + table.name() + ": " + (tableFindings.size() - MAX_FINDINGS_PER_TABLE) + " more gaps or overlaps"));
            }
        }
        return findings;
    }

    private static Row row(TableRow row, List<TableColumn> columns, List<ColumnMeaning> meanings) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Map<String, Range> ranges = new LinkedHashMap<>();
        Map<Integer, String> opaque = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnMeaning meaning = meanings.get(i);
            SheetCell cell = row.cells().get(i);
            if (meaning == null || cell.isBlank()) {
                continue;
            }
            switch (meaning.kind()) {
                case KEY -> {
                    Set<String> values = new LinkedHashSet<>();
                    values.addAll(CellValues.values(cell.text()));
                    keys.merge(meaning.field(), values, (a, b) -> {
                        Set<String> both = new LinkedHashSet<>(a);
                        both.retainAll(b);
                        return both;
                    });
                }
                case LOWER, UPPER -> {
                    BigDecimal value = CellValues.number(cell.text());
                    if (value == null) {
                        opaque.put(i, cell.text());
                        continue;
                    }
                    Range current = ranges.getOrDefault(meaning.field(), Range.ALL);
                    boolean inclusive = meaning.operator().endsWith("=");
                    ranges.put(meaning.field(), meaning.kind() == ColumnMeaning.Kind.LOWER
                            ? new Range(value, inclusive, current.high(), current.highInclusive())
                            : new Range(current.low(), current.lowInclusive(), value, inclusive));
                }
                default -> opaque.put(i, cell.text());
            }
        }
        return new Row(row, keys, ranges, opaque);
    }

    private static void overlaps(String file, RuleTable table, List<Row> rows, List<CompileMessage> findings) {
        long pairs = 0;
        Set<Long> reported = new java.util.HashSet<>();
        for (List<Integer> bucket : buckets(rows)) {
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    if (++pairs > MAX_PAIRS) {
                        SheetCell at = table.nameCell();
                        findings.add(CompileMessage.cellWarning(file, at.sheet(), at.ref(), "RuleTable " + table.name()
                                + " is too large to check every pair of rows for overlaps; checked the first " + MAX_PAIRS));
                        return;
                    }
                    int a = Math.min(bucket.get(i), bucket.get(j));
                    int b = Math.max(bucket.get(i), bucket.get(j));
                    Row first = rows.get(a);
                    Row second = rows.get(b);
                    if (overlap(first, second) && reported.add((long) a * rows.size() + b)) {
                        SheetCell at = second.source().cells().get(0);
                        findings.add(CompileMessage.cellWarning(file, at.sheet(), at.ref(), "overlap: rows "
                                + first.source().row() + " and " + second.source().row() + " of RuleTable " + table.name()
                                + " both match " + describe(first, second) + "; both rules fire for such an order"));
                        if (findings.size() > MAX_FINDINGS_PER_TABLE) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /**
     * Rows can only overlap if they share a value of every key all rows fill in (risk class, segment, ...):
     * comparing within those buckets keeps large tables fast. Without such keys, all rows form one bucket.
     */
    private static List<List<Integer>> buckets(List<Row> rows) {
        List<String> fields = rows.isEmpty() ? List.of() : rows.get(0).keys().keySet().stream()
                .filter(f -> rows.stream().allMatch(r -> r.keys().containsKey(f))).toList();
        Map<List<String>, List<Integer>> byValues = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<List<String>> combinations = List.of(List.of());
            for (String field : fields) {
                List<List<String>> extended = new ArrayList<>();
                for (List<String> prefix : combinations) {
                    for (String value : rows.get(i).keys().get(field)) {
                        List<String> next = new ArrayList<>(prefix);
                        next.add(value);
                        extended.add(next);
                    }
                }
                combinations = extended;
            }
            for (List<String> combination : combinations) {
                byValues.computeIfAbsent(combination, v -> new ArrayList<>()).add(i);
            }
        }
        return new ArrayList<>(byValues.values());
    }

    private static boolean overlap(Row a, Row b) {
        for (String field : union(a.keys().keySet(), b.keys().keySet())) {
            Set<String> x = a.keys().get(field);
            Set<String> y = b.keys().get(field);
            if (x != null && y != null && x.stream().noneMatch(y::contains)) {
                return false;
            }
        }
        for (String field : union(a.ranges().keySet(), b.ranges().keySet())) {
            if (!a.ranges().getOrDefault(field, Range.ALL).intersects(b.ranges().getOrDefault(field, Range.ALL))) {
                return false;
            }
        }
        for (Integer column : union(a.opaque().keySet(), b.opaque().keySet())) {
            if (!Objects.equals(a.opaque().get(column), b.opaque().get(column))) {
                return false; // a condition we cannot read: assume it tells the rows apart
            }
        }
        return true;
    }

    private static void gaps(String file, RuleTable table, List<Row> rows, List<CompileMessage> findings) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(row.keys() + "|" + row.opaque(), k -> new ArrayList<>()).add(row);
        }
        for (List<Row> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (String field : group.get(0).ranges().keySet()) {
                boolean band = group.stream().allMatch(r -> r.ranges().containsKey(field)
                        && r.ranges().get(field).low() != null && r.ranges().get(field).high() != null);
                if (!band) {
                    continue;
                }
                List<Row> sorted = new ArrayList<>(group);
                sorted.sort(Comparator.comparing((Row r) -> r.ranges().get(field).low()));
                for (int i = 1; i < sorted.size(); i++) {
                    Range previous = sorted.get(i - 1).ranges().get(field);
                    Range next = sorted.get(i).ranges().get(field);
                    String hole = hole(previous, next);
                    if (hole != null) {
                        SheetCell at = sorted.get(i).source().cells().get(0);
                        findings.add(CompileMessage.cellWarning(file, at.sheet(), at.ref(), "gap: " + field + " " + hole
                                + " matches no row of RuleTable " + table.name() + " (row " + sorted.get(i - 1).source().row()
                                + " covers " + previous.describe() + ", row " + sorted.get(i).source().row() + " covers "
                                + next.describe() + ")"));
                    }
                }
            }
        }
    }

    /**
     * The values between two consecutive bands that neither covers, or null when they meet. Whole-number bounds are
     * read as whole-number bands, as risk officers write them: 0-39 followed by 40-59 leaves no gap.
     */
    private static String hole(Range previous, Range next) {
        int c = previous.high().compareTo(next.low());
        if (c > 0 || (c == 0 && (previous.highInclusive() || next.lowInclusive()))) {
            return null;
        }
        boolean integers = previous.high().stripTrailingZeros().scale() <= 0 && next.low().stripTrailingZeros().scale() <= 0;
        if (!integers) {
            return "between " + plain(previous.high()) + " and " + plain(next.low());
        }
        BigDecimal from = previous.highInclusive() ? previous.high().add(BigDecimal.ONE) : previous.high();
        BigDecimal to = next.lowInclusive() ? next.low().subtract(BigDecimal.ONE) : next.low();
        if (from.compareTo(to) > 0) {
            return null;
        }
        return from.compareTo(to) == 0 ? plain(from) : "from " + plain(from) + " to " + plain(to);
    }

    private static String describe(Row a, Row b) {
        List<String> parts = new ArrayList<>();
        for (String field : union(a.keys().keySet(), b.keys().keySet())) {
            Set<String> values = new LinkedHashSet<>(a.keys().getOrDefault(field, b.keys().get(field)));
            if (b.keys().containsKey(field)) {
                values.retainAll(b.keys().get(field));
            }
            parts.add(field + " " + String.join("/", values));
        }
        for (String field : union(a.ranges().keySet(), b.ranges().keySet())) {
            Range x = a.ranges().getOrDefault(field, Range.ALL);
            Range y = b.ranges().getOrDefault(field, Range.ALL);
            BigDecimal low = max(x.low(), y.low());
            BigDecimal high = min(x.high(), y.high());
            parts.add(field + " " + new Range(low, true, high, true).describe());
        }
        return parts.isEmpty() ? "every order" : String.join(", ", parts);
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String plain(BigDecimal value) {
        return WorkbookReader.plain(value);
    }
}
