package io.salesrisk.engine.table;

import io.salesrisk.engine.CompileMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the RuleSet header and the RuleTable blocks in a workbook laid out as Drools decision tables:
 * <pre>
 *   RuleSet    io.salesrisk.rules
 *   Import     io.salesrisk.facts.*
 *
 *   RuleTable MaxOrderValueExceeded
 *   CONDITION                       CONDITION              ACTION
 *   check: OrderCheck  (merged over both conditions)
 *   customer.riskClass == "$param"  order.amount > $param  check.react(Outcome.$param, "...")
 *   Risk class                      Max order value        Reaction
 *   A                               500000                 REVIEW
 * </pre>
 * Every problem is reported at its sheet and cell; nothing here compiles rules.
 */
public final class DecisionTableParser {

    private static final String RULE_SET = "ruleset";
    private static final String DEFAULT_PACKAGE = "io.salesrisk.rules";
    private static final String RULE_TABLE = "ruletable";
    /** RuleSet properties Drools understands; anything else in the property column is reported. */
    private static final Set<String> PROPERTIES = Set.of("import", "variables", "functions", "queries", "declare",
            "notes", "sequential", "sequentialmaxpriority", "sequentialminpriority", "escapequotes",
            "numericdisabled", "unit", "dialect", "salience", "duration", "timer", "enabled", "calendars",
            "noloop", "lockonactive", "autofocus", "activationgroup", "agendagroup", "ruleflowgroup",
            "dateeffective", "dateexpires");

    private final String file;
    private final List<CompileMessage> messages = new ArrayList<>();

    private DecisionTableParser(String file) {
        this.file = file;
    }

    /** Parses the sheets of one workbook. */
    public static DecisionTableWorkbook parse(String file, List<SheetGrid> sheets) {
        return new DecisionTableParser(file).parse(sheets);
    }

    private DecisionTableWorkbook parse(List<SheetGrid> sheets) {
        String packageName = null;
        Map<String, SheetCell> properties = new LinkedHashMap<>();
        List<RuleTable> tables = new ArrayList<>();
        for (SheetGrid sheet : sheets) {
            for (int row = 1; row <= sheet.lastRow(); row++) {
                for (int col = 0; col < sheet.width(row); col++) {
                    SheetCell cell = sheet.cell(row, col);
                    String keyword = keyword(cell.text());
                    if (keyword.equals(RULE_SET)) {
                        // Drools compiles one sheet at a time, so each sheet may repeat the RuleSet header;
                        // all sheets of a workbook must agree on the package
                        SheetCell value = sheet.cell(row, col + 1);
                        String name = value.isBlank() ? DEFAULT_PACKAGE : value.text();
                        if (packageName != null && !packageName.equals(name)) {
                            error(value, "RuleSet '" + name + "' differs from '" + packageName
                                    + "' on an earlier sheet; one workbook is one rule package");
                        }
                        packageName = packageName == null ? name : packageName;
                        // the place messages about the workbook as a whole point at (imports, functions, package)
                        properties.putIfAbsent(RULE_SET, value.isBlank() ? cell : value);
                        row = readProperties(sheet, row + 1, col, properties);
                        break;
                    }
                    if (keyword.startsWith(RULE_TABLE)) {
                        RuleTable table = readTable(sheet, cell);
                        if (table != null) {
                            tables.add(table);
                            row = cell.row() + 4 + table.rows().size();
                        }
                        break;
                    }
                }
            }
        }
        if (packageName == null) {
            messages.add(CompileMessage.cellError(file, sheets.isEmpty() ? null : sheets.get(0).name(), "A1",
                    "no RuleSet cell found: a decision table starts with a cell 'RuleSet' followed by the package name"));
        }
        if (tables.isEmpty()) {
            messages.add(CompileMessage.cellError(file, sheets.isEmpty() ? null : sheets.get(0).name(), "A1",
                    "no RuleTable found: each table starts with a cell 'RuleTable <Name>'"));
        }
        return new DecisionTableWorkbook(file, packageName, properties, tables, List.copyOf(messages), sheets);
    }

    private static String keyword(String text) {
        return text.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** Reads "Key | Value" rows under the RuleSet cell; returns the last row read. */
    private int readProperties(SheetGrid sheet, int firstRow, int col, Map<String, SheetCell> properties) {
        int row = firstRow;
        for (; row <= sheet.lastRow(); row++) {
            SheetCell key = sheet.cell(row, col);
            String keyword = keyword(key.text());
            if (key.isBlank() || keyword.startsWith(RULE_TABLE) || keyword.equals(RULE_SET)) {
                break;
            }
            if (!PROPERTIES.contains(keyword)) {
                warning(key, "'" + key.text() + "' is not a RuleSet property; it is ignored (expected Import, Functions, Sequential, ...)");
                continue;
            }
            SheetCell value = sheet.cell(row, col + 1);
            noteNormalisation(value);
            SheetCell previous = properties.get(keyword);
            if (previous != null && previous.text().equals(value.text())) {
                continue;
            }
            if (previous != null && (keyword.equals("import") || keyword.equals("functions") || keyword.equals("variables"))) {
                // several Import rows add up, as in Drools
                properties.put(keyword, new SheetCell(value.sheet(), value.row(), value.column(),
                        previous.text() + ", " + value.text(), true, value.mergeStart(), List.of()));
            } else {
                properties.put(keyword, value);
            }
        }
        return row - 1;
    }

    private RuleTable readTable(SheetGrid sheet, SheetCell nameCell) {
        String name = nameCell.text().substring(nameCell.text().toLowerCase(Locale.ROOT).indexOf("ruletable") + 9).trim();
        if (name.isEmpty()) {
            error(nameCell, "the RuleTable has no name: write 'RuleTable <Name>', the name prefixes every rule of the table");
            return null;
        }
        int headerRow = nameCell.row() + 1;
        List<TableColumn> columns = new ArrayList<>();
        for (int col = nameCell.column(); col < sheet.width(headerRow); col++) {
            SheetCell header = sheet.cell(headerRow, col);
            if (header.isBlank()) {
                break;
            }
            var kind = ColumnKind.fromHeader(header.text());
            if (kind.isEmpty()) {
                error(header, "'" + header.text() + "' is not a column type; expected one of " + ColumnKind.allHeaders());
                continue;
            }
            if (!header.text().trim().equalsIgnoreCase(kind.get().header())) {
                warning(header, "header '" + header.text() + "' is read as " + kind.get().header()
                        + " (custom headers are recognised by their first letter, as in Drools)");
            }
            TableColumn column = new TableColumn(kind.get(), header, sheet.cell(headerRow + 1, col),
                    sheet.cell(headerRow + 2, col), sheet.cell(headerRow + 3, col));
            noteNormalisation(column.objectType());
            noteNormalisation(column.template());
            checkColumn(column);
            columns.add(column);
        }
        if (columns.isEmpty()) {
            error(sheet.cell(headerRow, nameCell.column()),
                    "RuleTable " + name + " has no column types in the row below it (CONDITION, ACTION, ...)");
            return null;
        }
        if (columns.stream().noneMatch(c -> c.kind() == ColumnKind.ACTION)) {
            error(columns.get(0).header(), "RuleTable " + name + " has no ACTION column: every rule needs at least one action");
        }
        List<List<SheetCell>> rowCells = new ArrayList<>();
        for (int row = headerRow + 4; row <= sheet.lastRow(); row++) {
            List<SheetCell> cells = new ArrayList<>(columns.size());
            boolean blank = true;
            for (TableColumn column : columns) {
                SheetCell cell = sheet.cell(row, column.header().column());
                cells.add(cell);
                blank &= cell.isBlank();
            }
            if (blank) {
                break;
            }
            cells.forEach(this::noteNormalisation);
            rowCells.add(List.copyOf(cells));
        }
        List<String> names = RuleNames.of(name, columns, rowCells);
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < rowCells.size(); i++) {
            rows.add(new TableRow(headerRow + 4 + i, rowCells.get(i), names.get(i)));
        }
        if (rows.isEmpty()) {
            warning(nameCell, "RuleTable " + name + " has no data rows; it produces no rules");
        }
        return new RuleTable(name, nameCell, List.copyOf(columns), List.copyOf(rows));
    }

    private void checkColumn(TableColumn column) {
        boolean needsTemplate = column.kind() == ColumnKind.CONDITION || column.kind() == ColumnKind.ACTION
                || column.kind() == ColumnKind.METADATA;
        if (needsTemplate && column.template().isBlank() && column.objectType().isBlank()) {
            error(column.template(), "the " + column.kind().header() + " column has no code snippet in this cell"
                    + " (e.g. order.amount > $param)");
        }
        String template = column.template().text();
        if (quotesUnbalanced(template)) {
            error(column.template(), "unbalanced double quotes in the code snippet: " + template);
        }
    }

    static boolean quotesUnbalanced(String text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quotes++;
            }
        }
        return quotes % 2 != 0;
    }

    private void noteNormalisation(SheetCell cell) {
        for (String note : cell.notes()) {
            warning(cell, note);
        }
    }

    private void error(SheetCell cell, String message) {
        messages.add(CompileMessage.cellError(file, cell.sheet(), cell.ref(), message));
    }

    private void warning(SheetCell cell, String message) {
        messages.add(CompileMessage.cellWarning(file, cell.sheet(), cell.ref(), message));
    }
}
