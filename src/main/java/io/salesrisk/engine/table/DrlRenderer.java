package io.salesrisk.engine.table;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.facts.RuleRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parsed decision-table workbook into DRL, one rule per data row, following the Drools spreadsheet
 * conventions ($param, $1..$n, forall(delimiter){...}, a bare field meaning "=="), and records for every generated
 * line the cell it came from.
 */
public final class DrlRenderer {

    /** Fact types every table may use without an Import row. */
    public static final String FACTS_IMPORT = "io.salesrisk.facts.*";
    /**
     * The fact types, imported one by one: a wildcard import makes the compiler try every identifier of every
     * constraint as a class name in that package, which made large tables several times slower to compile.
     */
    static final List<String> FACT_TYPES = List.of("OrderCheck", "Customer", "Order", "CreditExposure",
            "PaymentBehaviour", "Decision", "Outcome", "Reason", "Severity", "MessageTemplate",
            "CustomerProfile", "Scorecard", "Classification", "Assessment", "PortfolioFigures", "SegmentFigures",
            "MarketFigures", "ContingencyMeasure");

    private static final Pattern BARE_FIELD = Pattern.compile("[A-Za-z_][\\w.]*");
    private static final Pattern POSITIONAL = Pattern.compile("\\$(\\d+)");
    private static final Pattern FORALL = Pattern.compile("forall\\(([^)]*)\\)\\s*\\{(.*)}", Pattern.DOTALL);

    /** Workbooks with at least this many rows compile their actions as MVEL unless the RuleSet names a dialect. */
    public static final int MVEL_FROM_ROWS = 250;

    private final DecisionTableWorkbook workbook;
    private final boolean largeWorkbook;
    private final StringBuilder drl = new StringBuilder();
    private final List<GeneratedDrl.LineOrigin> origins = new ArrayList<>();
    private final Map<String, RuleRef> rules = new LinkedHashMap<>();
    private final List<CompileMessage> messages = new ArrayList<>();

    private DrlRenderer(DecisionTableWorkbook workbook) {
        this.workbook = workbook;
        this.largeWorkbook = workbook.tables().stream().mapToInt(t -> t.rows().size()).sum() >= MVEL_FROM_ROWS;
    }

    /** Generates the DRL for a workbook that parsed without errors. */
    public static GeneratedDrl render(DecisionTableWorkbook workbook) {
        return new DrlRenderer(workbook).render();
    }

    private GeneratedDrl render() {
        SheetCell packageCell = null;
        line("package " + workbook.packageName() + ";", packageCell, null, null);
        for (String type : FACT_TYPES) {
            line("import io.salesrisk.facts." + type + ";", null, null, null);
        }
        SheetCell imports = workbook.properties().get("import");
        if (imports != null) {
            for (String type : new java.util.LinkedHashSet<>(splitList(imports.text()))) {
                if (!type.equals(FACTS_IMPORT)) {
                    line("import " + type + ";", imports, null, null);
                }
            }
        }
        SheetCell variables = workbook.properties().get("variables");
        if (variables != null) {
            for (String global : splitList(variables.text())) {
                line("global " + global + ";", variables, null, null);
            }
        }
        for (String block : List.of("functions", "queries", "declare")) {
            SheetCell cell = workbook.properties().get(block);
            if (cell != null && !cell.isBlank()) {
                lines(cell.text(), cell, null, null);
            }
        }
        boolean sequential = "true".equalsIgnoreCase(property("sequential"));
        int salience = 65535;
        for (RuleTable table : workbook.tables()) {
            for (TableRow row : table.rows()) {
                renderRule(table, row, sequential ? salience-- : null);
            }
        }
        return new GeneratedDrl(drl.toString(), List.copyOf(origins), Map.copyOf(rules), List.copyOf(messages));
    }

    private String property(String key) {
        SheetCell cell = workbook.properties().get(key);
        return cell == null ? null : cell.text();
    }

    private void renderRule(RuleTable table, TableRow row, Integer sequentialSalience) {
        SheetCell first = row.cells().get(0);
        String name = row.rule();
        Map<String, String> rowValues = new LinkedHashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
            TableColumn column = table.columns().get(i);
            SheetCell cell = row.cells().get(i);
            if (!column.label().isBlank() && !cell.isBlank()) {
                rowValues.put(column.label().text(), cell.text());
            }
        }
        if (rules.containsKey(name)) {
            messages.add(CompileMessage.cellError(workbook.file(), first.sheet(), first.ref(),
                    "rule name '" + name + "' is used twice in this workbook; rule names must be unique"));
            return;
        }
        String source = workbook.file() + ", sheet " + table.sheet() + ", row " + row.row();
        rules.put(name, new RuleRef(name, source, workbook.file(), table.sheet(), row.row(), rowValues));

        line("// " + source, first, null, name);
        line("rule \"" + escape(name) + "\"", first, null, name);
        renderAttributes(table, row, sequentialSalience, name);
        line("when", first, null, name);
        renderConditions(table, row, name);
        line("then", first, null, name);
        renderActions(table, row, name);
        line("end", first, null, name);
    }

    private void renderAttributes(RuleTable table, TableRow row, Integer sequentialSalience, String rule) {
        Map<String, String> ruleSetDefaults = Map.of("salience", "salience %s", "noloop", "no-loop %s",
                "lockonactive", "lock-on-active %s", "autofocus", "auto-focus %s", "activationgroup", "activation-group \"%s\"",
                "agendagroup", "agenda-group \"%s\"", "ruleflowgroup", "ruleflow-group \"%s\"", "enabled", "enabled %s",
                "dateeffective", "date-effective \"%s\"", "dateexpires", "date-expires \"%s\"");
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, SheetCell> attributeCells = new LinkedHashMap<>();
        ruleSetDefaults.forEach((key, format) -> {
            SheetCell cell = workbook.properties().get(key);
            if (cell != null && !cell.isBlank()) {
                String attribute = format.split(" ")[0];
                attributes.put(attribute, String.format(format, attributeValue(attribute, cell.text())));
                attributeCells.put(attribute, cell);
            }
        });
        if (sequentialSalience != null) {
            attributes.put("salience", "salience " + sequentialSalience);
        }
        SheetCell dialect = workbook.properties().get("dialect");
        if (dialect != null && !dialect.isBlank()) {
            attributes.put("dialect", "dialect \"" + dialect.text() + "\"");
            attributeCells.put("dialect", dialect);
        } else if (largeWorkbook) {
            // a large table's actions are one-line calls that MVEL compiles without the Java compiler, about twice as
            // fast; small tables stay in Java, whose compiled actions run faster. "Dialect" in the RuleSet decides.
            attributes.put("dialect", "dialect \"mvel\"");
        }
        for (int i = 0; i < table.columns().size(); i++) {
            TableColumn column = table.columns().get(i);
            SheetCell cell = row.cells().get(i);
            if (cell.isBlank()) {
                continue;
            }
            String attribute = switch (column.kind()) {
                case PRIORITY, SALIENCE -> "salience";
                case DURATION -> "duration";
                case TIMER -> "timer";
                case CALENDARS -> "calendars";
                case NO_LOOP -> "no-loop";
                case LOCK_ON_ACTIVE -> "lock-on-active";
                case AUTO_FOCUS -> "auto-focus";
                case ACTIVATION_GROUP -> "activation-group";
                case AGENDA_GROUP -> "agenda-group";
                case RULEFLOW_GROUP -> "ruleflow-group";
                case DATE_EFFECTIVE -> "date-effective";
                case DATE_EXPIRES -> "date-expires";
                case ENABLED -> "enabled";
                default -> null;
            };
            if (attribute != null) {
                String value = attributeValue(attribute, cell.text());
                boolean quoted = attribute.endsWith("group") || attribute.startsWith("date-") || attribute.equals("calendars");
                attributes.put(attribute, attribute + " " + (quoted ? "\"" + escape(value) + "\"" : value));
                attributeCells.put(attribute, cell);
            }
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            line("    " + attribute.getValue(), attributeCells.get(attribute.getKey()), null, rule);
        }
        for (int i = 0; i < table.columns().size(); i++) {
            TableColumn column = table.columns().get(i);
            SheetCell cell = row.cells().get(i);
            if (column.kind() == ColumnKind.METADATA && !cell.isBlank()) {
                line("    @" + substitute(column.template().text(), cell, column), cell, column.template(), rule);
            }
        }
    }

    /** Dates typed as 2026-01-31 become Drools' default date format 31-Jan-2026; other values pass through. */
    private static String attributeValue(String attribute, String value) {
        if (attribute.startsWith("date-") && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            var date = java.time.LocalDate.parse(value);
            return date.format(java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy", java.util.Locale.US));
        }
        return value;
    }

    private void renderConditions(RuleTable table, TableRow row, String rule) {
        List<TableColumn> columns = table.columns();
        int i = 0;
        while (i < columns.size()) {
            TableColumn column = columns.get(i);
            if (column.kind() != ColumnKind.CONDITION) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < columns.size() && columns.get(end).kind() == ColumnKind.CONDITION
                    && !column.objectType().isBlank() && columns.get(end).patternKey() == column.patternKey()
                    && columns.get(end).objectType().text().equals(column.objectType().text())) {
                end++;
            }
            renderPattern(columns.subList(i, end), row.cells().subList(i, end), rule);
            i = end;
        }
    }

    private void renderPattern(List<TableColumn> columns, List<SheetCell> cells, String rule) {
        List<Integer> used = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) {
            if (!cells.get(k).isBlank()) {
                used.add(k);
            }
        }
        if (used.isEmpty()) {
            return; // as in Drools: a pattern whose cells are all empty is left out of the rule
        }
        SheetCell objectType = columns.get(0).objectType();
        if (objectType.isBlank()) {
            for (int k : used) {
                lines("    " + constraint(columns.get(k), cells.get(k)), cells.get(k), columns.get(k).template(), rule);
            }
            return;
        }
        boolean eval = objectType.text().endsWith("eval");
        line("    " + objectType.text() + "(", objectType, null, rule);
        for (int n = 0; n < used.size(); n++) {
            int k = used.get(n);
            String separator = n == used.size() - 1 ? "" : (eval ? " &&" : ",");
            lines("        " + constraint(columns.get(k), cells.get(k)) + separator, cells.get(k), columns.get(k).template(), rule);
        }
        line("    )", objectType, null, rule);
    }

    private String constraint(TableColumn column, SheetCell cell) {
        String template = column.template().text();
        if (!template.contains("$") && BARE_FIELD.matcher(template).matches()) {
            return template + " == " + value(cell, column, false);
        }
        return substitute(template, cell, column);
    }

    private void renderActions(RuleTable table, TableRow row, String rule) {
        for (int i = 0; i < table.columns().size(); i++) {
            TableColumn column = table.columns().get(i);
            SheetCell cell = row.cells().get(i);
            if (column.kind() != ColumnKind.ACTION || cell.isBlank()) {
                continue;
            }
            String snippet = substitute(column.template().text(), cell, column).strip();
            if (!column.objectType().isBlank()) {
                snippet = column.objectType().text() + "." + snippet;
            }
            if (!snippet.endsWith(";") && !snippet.endsWith("}")) {
                snippet = snippet + ";";
            }
            lines("    " + snippet, cell, column.template(), rule);
        }
    }

    /** Fills $param, $1..$n or forall(delimiter){...} in a template with the cell's value. */
    private String substitute(String template, SheetCell cell, TableColumn column) {
        Matcher forall = FORALL.matcher(template);
        if (forall.find()) {
            String delimiter = forall.group(1).isBlank() ? "||" : forall.group(1).trim();
            String snippet = forall.group(2);
            List<String> parts = new ArrayList<>();
            for (String item : splitList(cell.text())) {
                parts.add(snippet.replace("$", quotedAt(snippet, snippet.indexOf('$')) ? escape(item) : item));
            }
            return template.substring(0, forall.start()) + String.join(" " + delimiter + " ", parts)
                    + template.substring(forall.end());
        }
        if (template.contains("$param")) {
            return template.replace("$param", value(cell, column, quotedAt(template, template.indexOf("$param"))));
        }
        Matcher positional = POSITIONAL.matcher(template);
        if (positional.find()) {
            List<String> values = splitList(cell.text());
            StringBuilder out = new StringBuilder();
            positional.reset();
            while (positional.find()) {
                int index = Integer.parseInt(positional.group(1)) - 1;
                String value = index < values.size() ? values.get(index) : "";
                if (index >= values.size()) {
                    messages.add(CompileMessage.cellError(workbook.file(), cell.sheet(), cell.ref(),
                            "the snippet uses $" + (index + 1) + " but the cell has only " + values.size()
                                    + " comma-separated value(s)"));
                }
                positional.appendReplacement(out, Matcher.quoteReplacement(
                        quotedAt(template, positional.start()) ? escape(value) : value));
            }
            positional.appendTail(out);
            return out.toString();
        }
        return template;
    }

    /**
     * The cell value as it goes into the DRL. Inside quotes, double quotes are escaped. Outside quotes, a number
     * typed as text ("1,000", "15 %") is read as the number, with a warning, because the snippet expects a number.
     */
    private String value(SheetCell cell, TableColumn column, boolean insideQuotes) {
        String text = cell.text();
        if (insideQuotes) {
            return escape(text);
        }
        if (cell.storedAsText() && CellValues.isFormattedNumber(text)) {
            String number = CellValues.plainNumber(text);
            messages.add(CompileMessage.cellWarning(workbook.file(), cell.sheet(), cell.ref(),
                    "number stored as text '" + text + "' is read as " + number));
            return number;
        }
        if (cell.storedAsText() && CellValues.isPlainNumber(text)) {
            messages.add(CompileMessage.cellWarning(workbook.file(), cell.sheet(), cell.ref(),
                    "number stored as text '" + text + "' is read as the number " + text));
        }
        return text;
    }

    private static boolean quotedAt(String template, int index) {
        int quotes = 0;
        for (int i = 0; i < index && i < template.length(); i++) {
            if (template.charAt(i) == '"' && (i == 0 || template.charAt(i - 1) != '\\')) {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    /** The one list reading, {@link CellValues#list}. */
    static List<String> splitList(String text) {
        return CellValues.list(text);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void lines(String text, SheetCell cell, SheetCell template, String rule) {
        String[] parts = text.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            line(i == 0 ? parts[i] : "        " + parts[i], cell, template, rule);
        }
    }

    private void line(String text, SheetCell cell, SheetCell template, String rule) {
        drl.append(text).append('\n');
        origins.add(new GeneratedDrl.LineOrigin(cell, template, rule));
    }
}
