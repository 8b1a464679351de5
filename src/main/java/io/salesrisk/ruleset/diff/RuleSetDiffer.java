package io.salesrisk.ruleset.diff;

import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.table.ColumnMeaning;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.RuleTable;
import io.salesrisk.engine.table.SheetCell;
import io.salesrisk.engine.table.TableColumn;
import io.salesrisk.engine.table.TableRow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two sets of rule files. Table rows are paired by their stable rule names (see
 * {@code engine.table.RuleNames}), so changing a threshold shows as one changed cell and inserting a row shows as one
 * added row.
 */
public final class RuleSetDiffer {

    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

    private RuleSetDiffer() {
    }

    public static RuleSetDiff diff(String fromVersion, RuleSources from, String toVersion, RuleSources to) {
        Map<String, RuleFile> before = byPath(from);
        Map<String, RuleFile> after = byPath(to);
        List<RuleSetDiff.FileChange> files = new ArrayList<>();
        List<RuleSetDiff.RowChange> rows = new ArrayList<>();
        List<RuleSetDiff.RuleChange> rules = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            RuleFile a = before.get(path);
            RuleFile b = after.get(path);
            if (a != null && b != null && Arrays.equals(a.content(), b.content())) {
                continue;
            }
            files.add(new RuleSetDiff.FileChange(path, a == null ? RuleSetDiff.Change.ADDED
                    : b == null ? RuleSetDiff.Change.REMOVED : RuleSetDiff.Change.CHANGED));
            if (path.startsWith(RuleSources.SCENARIO_FOLDER)) {
                continue;
            }
            if (path.endsWith(".drl")) {
                rules.addAll(drl(path, a, b));
            } else if (path.endsWith(".xlsx") || path.endsWith(".xls")) {
                rows.addAll(tables(path, a, b));
            }
        }
        return new RuleSetDiff(fromVersion, toVersion, files, rows, rules);
    }

    private static Map<String, RuleFile> byPath(RuleSources sources) {
        Map<String, RuleFile> files = new LinkedHashMap<>();
        sources.files().forEach(file -> files.put(file.path(), file));
        return files;
    }

    private record DrlRule(String text, int line) {
    }

    private static List<RuleSetDiff.RuleChange> drl(String path, RuleFile a, RuleFile b) {
        Map<String, DrlRule> before = a == null ? Map.of() : rules(a);
        Map<String, DrlRule> after = b == null ? Map.of() : rules(b);
        String file = path.substring(path.lastIndexOf('/') + 1);
        List<RuleSetDiff.RuleChange> changes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            DrlRule x = before.get(name);
            DrlRule y = after.get(name);
            if (x != null && y != null && x.text().equals(y.text())) {
                continue;
            }
            changes.add(new RuleSetDiff.RuleChange(file, name, x == null ? RuleSetDiff.Change.ADDED
                    : y == null ? RuleSetDiff.Change.REMOVED : RuleSetDiff.Change.CHANGED,
                    x == null ? null : x.line(), y == null ? null : y.line()));
        }
        return changes;
    }

    /** Each rule's text from "rule" to "end", whitespace normalised, by name. */
    private static Map<String, DrlRule> rules(RuleFile file) {
        Map<String, DrlRule> rules = new LinkedHashMap<>();
        String[] lines = new String(file.content(), StandardCharsets.UTF_8).split("\n", -1);
        String name = null;
        int start = 0;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            Matcher header = RULE_START.matcher(lines[i]);
            if (header.find()) {
                name = header.group(2) != null ? header.group(2) : header.group(3) != null ? header.group(3) : header.group(4);
                start = i + 1;
                text.setLength(0);
            }
            if (name != null) {
                text.append(lines[i].trim().replaceAll("\\s+", " ")).append('\n');
                if (lines[i].trim().equals("end")) {
                    rules.put(name, new DrlRule(text.toString(), start));
                    name = null;
                }
            }
        }
        return rules;
    }

    private static List<RuleSetDiff.RowChange> tables(String path, RuleFile a, RuleFile b) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        Map<String, RuleTable> before = a == null ? Map.of() : tables(file, a);
        Map<String, RuleTable> after = b == null ? Map.of() : tables(file, b);
        List<RuleSetDiff.RowChange> changes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            changes.addAll(rows(file, before.get(name), after.get(name)));
        }
        return changes;
    }

    private static Map<String, RuleTable> tables(String file, RuleFile workbook) {
        Map<String, RuleTable> tables = new LinkedHashMap<>();
        try {
            DecisionTableWorkbook.read(file, workbook.content()).tables()
                    .forEach(table -> tables.put(table.sheet() + "/" + table.name(), table));
        } catch (IOException e) {
            // an unreadable workbook has no rows to compare; the file change is still listed
        }
        return tables;
    }

    private static List<RuleSetDiff.RowChange> rows(String file, RuleTable a, RuleTable b) {
        RuleTable any = a != null ? a : b;
        List<String> labels = labels(b != null ? b : a);
        Map<String, TableRow> before = a == null ? Map.of() : byRule(a);
        Map<String, TableRow> after = b == null ? Map.of() : byRule(b);
        // a row whose name changed because its own bounds changed is the same row if it kept its place
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, TableRow> gone : before.entrySet()) {
            if (!after.containsKey(gone.getKey())) {
                after.entrySet().stream().filter(e -> !before.containsKey(e.getKey())
                                && e.getValue().row() == gone.getValue().row() && !renamed.containsValue(e.getKey()))
                        .findFirst().ifPresent(e -> renamed.put(gone.getKey(), e.getKey()));
            }
        }
        List<RuleSetDiff.RowChange> changes = new ArrayList<>();
        Set<String> rules = new LinkedHashSet<>(before.keySet());
        after.keySet().stream().filter(rule -> !renamed.containsValue(rule)).forEach(rules::add);
        for (String rule : rules) {
            TableRow x = before.get(rule);
            TableRow y = after.get(renamed.getOrDefault(rule, rule));
            List<RuleSetDiff.CellChange> cells = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                String old = x == null || i >= x.cells().size() ? null : blankToNull(x.cells().get(i).text());
                String now = y == null || i >= y.cells().size() ? null : blankToNull(y.cells().get(i).text());
                if (!Objects.equals(old, now)) {
                    cells.add(new RuleSetDiff.CellChange(labels.get(i), old, now));
                }
            }
            if (cells.isEmpty()) {
                continue;
            }
            changes.add(new RuleSetDiff.RowChange(file, any.sheet(), any.name(), y != null ? y.rule() : rule, key(any, y != null ? y : x),
                    x == null ? null : x.row(), y == null ? null : y.row(), x == null ? RuleSetDiff.Change.ADDED
                    : y == null ? RuleSetDiff.Change.REMOVED : RuleSetDiff.Change.CHANGED, cells));
        }
        return changes;
    }

    private static Map<String, TableRow> byRule(RuleTable table) {
        Map<String, TableRow> rows = new LinkedHashMap<>();
        table.rows().forEach(row -> rows.put(row.rule(), row));
        return rows;
    }

    /** "Risk class = C, Segment = SMB": the key columns as a reader sees them; null without key columns. */
    private static String key(RuleTable table, TableRow row) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnMeaning meaning = ColumnMeaning.of(table.columns().get(i));
            if (meaning != null && meaning.isKey()) {
                SheetCell cell = row.cells().get(i);
                parts.add(label(table.columns().get(i)) + " = " + (cell.isBlank() ? "any" : cell.text()));
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static List<String> labels(RuleTable table) {
        return table.columns().stream().map(RuleSetDiffer::label).toList();
    }

    private static String label(TableColumn column) {
        return column.label().isBlank() ? column.header().text() + " " + column.header().ref() : column.label().text();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
