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
            "MarketFigures", "ContingencyMeasure", "ReleaseRequest", "ReleasedOrderChange", "KpiReading", "SignalOutcome", "OutcomeKind");

    private static final Pattern BARE_FIELD = Pattern.compile("[A-Za-z_][\\w.]*");
    /** {@code Outcome.$param}: a cell that must name a constant of an enum the rules know. */
    private static final Pattern ENUM_PARAM = Pattern.compile("\\b([A-Z]\\w*)\\.\\$param\\b");
    private static final Pattern POSITIONAL = Pattern.compile("\\$(\\d+)");
    private static final Pattern FORALL = Pattern.compile("forall\\(([^)]*)\\)\\s*\\{(.*)}", Pattern.DOTALL);

    /** Workbooks with at least this many rows compile their actions as MVEL unless the RuleSet names a dialect. */
    public static final int MVEL_FROM_ROWS = 250;

    private final DecisionTableWorkbook workbook;
    private final boolean largeWorkbook;
    private final FieldTypes fieldTypes;
    private final StringBuilder drl = new StringBuilder();
    private final List<GeneratedDrl.LineOrigin> origins = new ArrayList<>();
    private final Map<String, RuleRef> rules = new LinkedHashMap<>();
    private final List<CompileMessage> messages = new ArrayList<>();
    /** Snippet cells already reported as broken, so a broken snippet is reported once, not once per row. */
    private final java.util.Set<SheetCell> reported = new java.util.HashSet<>();

    private DrlRenderer(DecisionTableWorkbook workbook) {
        this.workbook = workbook;
        this.largeWorkbook = workbook.tables().stream().mapToInt(t -> t.rows().size()).sum() >= MVEL_FROM_ROWS;
        SheetCell imports = workbook.properties().get("import");
        this.fieldTypes = new FieldTypes(imports == null ? List.of() : splitList(imports.text()));
    }

    /** Generates the DRL for a workbook that parsed without errors. */
    public static GeneratedDrl render(DecisionTableWorkbook workbook) {
        return new DrlRenderer(workbook).render();
    }

    private GeneratedDrl render() {
        // header lines belong to the RuleSet cell, so that even an error there is reported at a cell
        SheetCell ruleSetCell = workbook.properties().get("ruleset");
        line("package " + workbook.packageName() + ";", ruleSetCell, null, null);
        for (String type : FACT_TYPES) {
            line("import io.salesrisk.facts." + type + ";", ruleSetCell, null, null);
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
                String problem = attributeProblem(attribute, cell.text());
                if (problem != null) {
                    messages.add(CompileMessage.cellError(workbook.file(), cell.sheet(), cell.ref(),
                            "'" + cell.text() + "' is not a valid " + column.kind().header() + ": " + problem));
                    continue;
                }
                String value = attributeValue(attribute, cell.text());
                boolean quoted = attribute.endsWith("group") || attribute.startsWith("date-") || attribute.equals("calendars");
                attributes.put(attribute, attribute + " " + (quoted ? "\"" + escape(value) + "\""
                        : FLAGS.contains(attribute) ? value.strip().toLowerCase(java.util.Locale.ROOT) : value));
                attributeCells.put(attribute, cell);
            }
        }
        // DRL wants a rule's annotations (METADATA columns) before its attributes
        for (int i = 0; i < table.columns().size(); i++) {
            TableColumn column = table.columns().get(i);
            SheetCell cell = row.cells().get(i);
            if (column.kind() == ColumnKind.METADATA && !cell.isBlank()) {
                line("    @" + checked(substitute(column.template().text(), cell, column), cell, column), cell, column.template(), rule);
            }
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            line("    " + attribute.getValue(), attributeCells.get(attribute.getKey()), null, rule);
        }
    }

    /** Attributes that are true or false; Excel's TRUE is written as Drools' true. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("no-loop", "lock-on-active", "auto-focus", "enabled");

    /** Why a rule attribute's cell cannot be used, in the author's terms; null when it can. */
    private static String attributeProblem(String attribute, String value) {
        String text = value.strip();
        return switch (attribute) {
            case "salience" -> text.matches("[-+]?\\d+") || text.startsWith("(") ? null
                    : "a priority is a whole number (higher fires first)";
            case "no-loop", "lock-on-active", "auto-focus", "enabled" -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? null : "expected true or false";
            case "date-effective", "date-expires" -> text.matches("\\d{4}-\\d{2}-\\d{2}")
                    ? validIsoDate(text) : text.matches("\\d{1,2}-[A-Za-z]{3}-\\d{4}") ? null
                    : "expected a date as 2026-01-31";
            default -> null;
        };
    }

    private static String validIsoDate(String text) {
        try {
            java.time.LocalDate.parse(text);
            return null;
        } catch (java.time.format.DateTimeParseException e) {
            return "there is no such date";
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
                lines("    " + checked(constraint(columns.get(k), cells.get(k)), cells.get(k), columns.get(k)), cells.get(k),
                        columns.get(k).template(), rule);
            }
            return;
        }
        boolean eval = objectType.text().endsWith("eval");
        line("    " + objectType.text() + "(", objectType, null, rule);
        for (int n = 0; n < used.size(); n++) {
            int k = used.get(n);
            String separator = n == used.size() - 1 ? "" : (eval ? " &&" : ",");
            lines("        " + checked(constraint(columns.get(k), cells.get(k)), cells.get(k), columns.get(k)) + separator,
                    cells.get(k), columns.get(k).template(), rule);
        }
        line("    )", objectType, null, rule);
    }

    private String constraint(TableColumn column, SheetCell cell) {
        String template = column.template().text();
        if (!template.contains("$") && BARE_FIELD.matcher(template).matches()) {
            return template + " == " + bareFieldValue(template, cell, column);
        }
        String constraint = substitute(template, cell, column);
        Matcher comparison = COMPARISON.matcher(template);
        if (comparison.matches() && isDecimalField(column, comparison.group(1))) {
            return decimalLiteral(constraint);
        }
        return constraint;
    }

    /** {@code order.amount >= $param}: a field compared with the cell. */
    private static final Pattern COMPARISON = Pattern.compile("\\s*([A-Za-z_][\\w.]*)\\s*(==|!=|>=|<=|>|<)\\s*\\$param\\s*");
    private static final Pattern TRAILING_DECIMAL = Pattern.compile("(?<![\\w.])(-?\\d+\\.\\d+)$");

    private boolean isDecimalField(TableColumn column, String field) {
        return !column.objectType().isBlank()
                && fieldTypes.fieldType(column.objectType().text(), field).filter(java.math.BigDecimal.class::equals).isPresent();
    }

    /**
     * A decimal compared with a BigDecimal field must be written as a BigDecimal literal ({@code 12.3B}): Drools
     * reads a plain {@code 12.3} as a double, so an amount of exactly 12.30 would not be {@code >= 12.3}.
     */
    private static String decimalLiteral(String constraint) {
        Matcher decimal = TRAILING_DECIMAL.matcher(constraint);
        return decimal.find() ? constraint + "B" : constraint;
    }

    /**
     * The cell of a bare-field condition ("equals the cell") written as the field's type needs it: a text quoted,
     * an enum constant qualified, a boolean or a number checked. A field whose type is not known here is written
     * as typed.
     */
    private String bareFieldValue(String field, SheetCell cell, TableColumn column) {
        var type = column.objectType().isBlank() ? java.util.Optional.<Class<?>>empty()
                : fieldTypes.fieldType(column.objectType().text(), field);
        if (type.isEmpty()) {
            return value(cell, column, false);
        }
        Class<?> fieldType = type.get();
        String text = cell.text().strip();
        if (FieldTypes.isText(fieldType)) {
            boolean quoted = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"");
            return quoted ? text : "\"" + escape(text) + "\"";
        }
        if (fieldType.isEnum()) {
            return enumConstant(fieldType, text, cell, "field " + field);
        }
        if (FieldTypes.isBoolean(fieldType)) {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return text.toLowerCase(java.util.Locale.ROOT);
            }
            messages.add(CompileMessage.cellError(workbook.file(), cell.sheet(), cell.ref(),
                    "'" + text + "' is not a value of field " + field + ", which is true or false"));
            return "false";
        }
        if (FieldTypes.isNumber(fieldType)) {
            String number = value(cell, column, false);
            if (!CellValues.isPlainNumber(number)) {
                messages.add(CompileMessage.cellError(workbook.file(), cell.sheet(), cell.ref(),
                        "'" + text + "' is not a number; field " + field + " is a number"));
                return "0";
            }
            return fieldType == java.math.BigDecimal.class ? decimalLiteral(number) : number;
        }
        return value(cell, column, false);
    }

    /** The qualified constant for a cell naming an enum value, or an error at the cell listing the allowed values. */
    private String enumConstant(Class<?> enumType, String text, SheetCell cell, String what) {
        String name = text.substring(text.lastIndexOf('.') + 1).strip();
        if (!FieldTypes.isConstant(enumType, name)) {
            messages.add(CompileMessage.cellError(workbook.file(), cell.sheet(), cell.ref(), "'" + text
                    + "' is not a value " + what + " can take (" + enumType.getSimpleName() + "); allowed: "
                    + FieldTypes.constants(enumType)));
            return enumType.getCanonicalName() + "." + enumType.getEnumConstants()[0];
        }
        return enumType.getCanonicalName() + "." + name;
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
            lines("    " + checked(snippet, cell, column), cell, column.template(), rule);
        }
    }

    /**
     * A generated condition or action whose brackets or quotes do not close would make the DRL parser read on into
     * the following rules and report the error far away; it is reported here, at the snippet when the snippet
     * itself does not close, else at the cell.
     */
    private String checked(String code, SheetCell cell, TableColumn column) {
        String problem = unbalanced(code);
        if (problem != null && !reported.contains(column.template())) {
            boolean snippetBroken = unbalanced(column.template().text()) != null;
            SheetCell at = snippetBroken ? column.template() : cell;
            if (snippetBroken) {
                reported.add(column.template());
            }
            messages.add(CompileMessage.cellError(workbook.file(), at.sheet(), at.ref(), (snippetBroken
                    ? "the code snippet '" + column.template().text() + "'" : "'" + code.strip() + "'") + " " + problem));
        }
        return code;
    }

    /** Why brackets or quotes do not match ("has a '(' that is never closed"), or null when they do. */
    static String unbalanced(String code) {
        java.util.Deque<Character> open = new java.util.ArrayDeque<>();
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '(', '[', '{' -> open.push(c);
                case ')', ']', '}' -> {
                    char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                    if (open.isEmpty() || open.pop() != expected) {
                        return "has a '" + c + "' that closes nothing";
                    }
                }
                default -> { }
            }
        }
        if (quote != 0) {
            return "has a " + quote + " that is never closed";
        }
        return open.isEmpty() ? null : "has a '" + open.peek() + "' that is never closed";
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
            Matcher qualified = ENUM_PARAM.matcher(template);
            if (qualified.find()) {
                var enumType = fieldTypes.type(qualified.group(1)).filter(Class::isEnum);
                if (enumType.isPresent()) {
                    String constant = enumConstant(enumType.get(), cell.text().strip(), cell, column.label().isBlank()
                            ? "the value of this column" : "column '" + column.label().text() + "'");
                    return template.replace(qualified.group(), constant)
                            .replace("$param", value(cell, column, quotedAt(template, template.indexOf("$param"))));
                }
            }
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
