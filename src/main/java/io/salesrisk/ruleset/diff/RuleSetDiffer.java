package io.salesrisk.ruleset.diff;

import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.table.DecisionTableParser;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.RuleTable;
import io.salesrisk.engine.table.SheetCell;
import io.salesrisk.engine.table.TableAnalyzer;
import io.salesrisk.engine.table.TableColumn;
import io.salesrisk.engine.table.TableRow;
import io.salesrisk.engine.table.WorkbookReader;

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
 * Compares two sets of rule files. Table rows are paired by their key columns (the "==" conditions such as risk
 * class or segment) when those are unique, so changing a threshold shows as one changed cell; otherwise by position.
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
            DecisionTableWorkbook parsed = DecisionTableParser.parse(file, WorkbookReader.read(workbook.content()));
            parsed.tables().forEach(table -> tables.put(table.sheet() + "/" + table.name(), table));
        } catch (IOException e) {
            // an unreadable workbook has no rows to compare; the file change is still listed
        }
        return tables;
    }

    private static List<RuleSetDiff.RowChange> rows(String file, RuleTable a, RuleTable b) {
        RuleTable any = a != null ? a : b;
        List<String> labels = labels(b != null ? b : a);
        Map<String, TableRow> before = a == null ? Map.of() : keyed(a);
        Map<String, TableRow> after = b == null ? Map.of() : keyed(b);
        List<RuleSetDiff.RowChange> changes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            TableRow x = before.get(key);
            TableRow y = after.get(key);
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
            changes.add(new RuleSetDiff.RowChange(file, any.sheet(), any.name(), key.startsWith("#") ? null : key,
                    x == null ? null : x.row(), y == null ? null : y.row(), x == null ? RuleSetDiff.Change.ADDED
                    : y == null ? RuleSetDiff.Change.REMOVED : RuleSetDiff.Change.CHANGED, cells));
        }
        return changes;
    }

    /** Rows by their key-column values when those are unique in the table, else by position ("#1", "#2", ...). */
    private static Map<String, TableRow> keyed(RuleTable table) {
        List<Integer> keyColumns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            TableColumn column = table.columns().get(i);
            TableAnalyzer.ColumnMeaning meaning = TableAnalyzer.meaning(column);
            if (meaning != null && meaning.kind() == TableAnalyzer.ColumnMeaning.Kind.KEY) {
                keyColumns.add(i);
            }
        }
        Map<String, TableRow> byKey = new LinkedHashMap<>();
        boolean unique = !keyColumns.isEmpty();
        for (TableRow row : table.rows()) {
            List<String> parts = new ArrayList<>();
            for (int column : keyColumns) {
                SheetCell cell = row.cells().get(column);
                parts.add(label(table.columns().get(column)) + " = " + (cell.isBlank() ? "any" : cell.text()));
            }
            String key = String.join(", ", parts);
            if (byKey.putIfAbsent(key, row) != null) {
                unique = false;
                break;
            }
        }
        if (unique) {
            return byKey;
        }
        Map<String, TableRow> byPosition = new LinkedHashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            byPosition.put("#" + (i + 1), table.rows().get(i));
        }
        return byPosition;
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
