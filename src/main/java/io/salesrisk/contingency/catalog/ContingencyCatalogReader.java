package io.salesrisk.contingency.catalog;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.table.DecisionTableParser;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.RuleTable;
import io.salesrisk.engine.table.SheetCell;
import io.salesrisk.engine.table.SheetGrid;
import io.salesrisk.engine.table.TableColumn;
import io.salesrisk.engine.table.TableRow;
import io.salesrisk.engine.table.WorkbookReader;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the risk register, risk matrix and contingency plans from the reference sheets of the rule set's workbooks,
 * marked by a cell {@code RiskRegister}, {@code RiskMatrix} or {@code ContingencyPlans} with a header row under it.
 * Checks them the way the compiler checks rules: every problem at its sheet and cell, and every risk type a trigger
 * raises must be in the register. A rule set with problems here is rejected like one that does not compile.
 */
public final class ContingencyCatalogReader {

    /** The catalog, or the problems that keep it from being used. */
    public record Result(ContingencyCatalog catalog, List<CompileMessage> errors) {
    }

    private static final Set<String> CLASSES = Set.of("A", "B", "C", "D", "E");
    private static final Pattern DRL_RAISE = Pattern.compile("\\.raise\\(\\s*\"([^\"]+)\"");

    private final List<CompileMessage> errors = new ArrayList<>();
    private final Map<String, ContingencyCatalog.RegisteredRisk> register = new LinkedHashMap<>();
    private final Map<String, CompileMessage> registerPlanCells = new LinkedHashMap<>();
    private final Map<String, PlanBuilder> plans = new LinkedHashMap<>();
    private final List<RaiseReference> raised = new ArrayList<>();
    private RiskLevel[][] matrix;
    private CompileMessage registerLocation;

    private record RaiseReference(String riskType, CompileMessage where) {
    }

    private static final class PlanBuilder {
        String description;
        final List<PlanAction> actions = new ArrayList<>();
        String source;
    }

    private ContingencyCatalogReader() {
    }

    public static Result read(RuleSources sources) {
        ContingencyCatalogReader reader = new ContingencyCatalogReader();
        for (RuleFile file : sources.ruleFiles()) {
            if (file.isWorkbook()) {
                reader.readWorkbook(file);
            } else if (file.isDrl()) {
                reader.readDrl(file);
            }
        }
        return reader.finish();
    }

    private void readWorkbook(RuleFile file) {
        List<SheetGrid> sheets;
        try {
            sheets = WorkbookReader.read(file.content());
        } catch (IOException unreadable) {
            return; // the compiler reports unreadable workbooks
        }
        for (SheetGrid sheet : sheets) {
            for (int row = 1; row <= sheet.lastRow(); row++) {
                for (int col = 0; col < sheet.width(row); col++) {
                    String keyword = sheet.cell(row, col).text().trim().toLowerCase(Locale.ROOT);
                    switch (keyword) {
                        case "riskregister" -> readRegister(file.fileName(), sheet, row + 1, col);
                        case "riskmatrix" -> readMatrix(file.fileName(), sheet, row + 1, col);
                        case "contingencyplans" -> readPlans(file.fileName(), sheet, row + 1, col);
                        default -> {
                        }
                    }
                }
            }
        }
        DecisionTableWorkbook tables = DecisionTableParser.parse(file.fileName(), sheets);
        for (RuleTable table : tables.tables()) {
            for (int c = 0; c < table.columns().size(); c++) {
                TableColumn column = table.columns().get(c);
                if (column.template().text().contains(".raise(\"$param\"")) {
                    for (TableRow row : table.rows()) {
                        SheetCell cell = row.cells().get(c);
                        if (!cell.isBlank()) {
                            raised.add(new RaiseReference(cell.text(), CompileMessage.cellError(file.fileName(),
                                    cell.sheet(), cell.ref(), "")));
                        }
                    }
                }
            }
        }
    }

    private void readDrl(RuleFile file) {
        String[] lines = new String(file.content(), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher raise = DRL_RAISE.matcher(lines[i]);
            while (raise.find()) {
                raised.add(new RaiseReference(raise.group(1), CompileMessage.error(file.fileName(), i + 1, "")));
            }
        }
    }

    /** Header cells by their meaning, matched on how the label starts (case ignored). */
    private Map<String, Integer> header(String file, SheetGrid sheet, int row, int firstCol, String table, List<String> required,
                                        List<String> optional) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int col = firstCol; col < sheet.width(row); col++) {
            String label = sheet.cell(row, col).text().trim().toLowerCase(Locale.ROOT);
            for (String name : concat(required, optional)) {
                if (!label.isEmpty() && label.startsWith(name) && !columns.containsKey(name)) {
                    columns.put(name, col);
                }
            }
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                error(file, sheet.cell(row, firstCol), table + ": the header row needs a column '" + name + "'");
            }
        }
        return columns;
    }

    private void readRegister(String file, SheetGrid sheet, int headerRow, int firstCol) {
        Map<String, Integer> columns = header(file, sheet, headerRow, firstCol, "RiskRegister",
                List.of("risk type", "likelihood", "impact", "owner", "plan"), List.of("description"));
        if (columns.size() < 5) {
            return;
        }
        SheetCell keyword = sheet.cell(headerRow - 1, firstCol);
        registerLocation = CompileMessage.cellError(file, keyword.sheet(), keyword.ref(),
                "the risk register needs a RiskMatrix (likelihood x impact) to give each risk its level");
        for (int row = headerRow + 1; !sheet.cell(row, columns.get("risk type")).isBlank(); row++) {
            SheetCell typeCell = sheet.cell(row, columns.get("risk type"));
            String type = typeCell.text().trim();
            if (register.containsKey(type)) {
                error(file, typeCell, "risk type " + type + " is already in the register");
                continue;
            }
            Integer likelihood = oneToFive(file, sheet.cell(row, columns.get("likelihood")), "likelihood");
            Integer impact = oneToFive(file, sheet.cell(row, columns.get("impact")), "impact");
            SheetCell planCell = sheet.cell(row, columns.get("plan"));
            if (planCell.isBlank()) {
                error(file, planCell, "risk type " + type + " needs the code of the plan it activates");
            }
            String description = columns.containsKey("description") ? sheet.cell(row, columns.get("description")).text() : "";
            if (likelihood != null && impact != null && !planCell.isBlank()) {
                register.put(type, new ContingencyCatalog.RegisteredRisk(type, description, likelihood, impact, null,
                        sheet.cell(row, columns.get("owner")).text().trim(), planCell.text().trim(),
                        file + ", sheet " + sheet.name() + ", row " + row));
                registerPlanCells.put(type, CompileMessage.cellError(file, planCell.sheet(), planCell.ref(), ""));
            }
        }
    }

    private void readMatrix(String file, SheetGrid sheet, int headerRow, int firstCol) {
        RiskLevel[][] levels = new RiskLevel[5][5];
        int[] impactColumn = new int[6];
        for (int col = firstCol + 1; col < sheet.width(headerRow); col++) {
            SheetCell cell = sheet.cell(headerRow, col);
            if (cell.isBlank()) {
                continue;
            }
            Integer impact = oneToFive(file, cell, "impact");
            if (impact != null) {
                impactColumn[impact] = col;
            }
        }
        boolean complete = true;
        for (int impact = 1; impact <= 5; impact++) {
            if (impactColumn[impact] == 0) {
                error(file, sheet.cell(headerRow, firstCol), "RiskMatrix: the header row needs impact " + impact);
                complete = false;
            }
        }
        boolean[] seen = new boolean[6];
        for (int row = headerRow + 1; row <= headerRow + 5 && complete; row++) {
            Integer likelihood = oneToFive(file, sheet.cell(row, firstCol), "likelihood");
            if (likelihood == null) {
                complete = false;
                continue;
            }
            seen[likelihood] = true;
            for (int impact = 1; impact <= 5; impact++) {
                SheetCell cell = sheet.cell(row, impactColumn[impact]);
                try {
                    levels[likelihood - 1][impact - 1] = RiskLevel.valueOf(cell.text().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    error(file, cell, "risk level '" + cell.text() + "' must be LOW, MEDIUM, HIGH or CRITICAL");
                    complete = false;
                }
            }
        }
        for (int likelihood = 1; likelihood <= 5 && complete; likelihood++) {
            if (!seen[likelihood]) {
                error(file, sheet.cell(headerRow + 1, firstCol), "RiskMatrix: needs a row for likelihood " + likelihood);
                complete = false;
            }
        }
        if (complete) {
            matrix = levels;
        }
    }

    private void readPlans(String file, SheetGrid sheet, int headerRow, int firstCol) {
        Map<String, Integer> columns = header(file, sheet, headerRow, firstCol, "ContingencyPlans",
                List.of("plan", "action"), List.of("description", "risk classes", "percent", "notify"));
        if (columns.size() < 2) {
            return;
        }
        for (int row = headerRow + 1; !sheet.cell(row, columns.get("plan")).isBlank(); row++) {
            String code = sheet.cell(row, columns.get("plan")).text().trim();
            PlanBuilder plan = plans.computeIfAbsent(code, c -> new PlanBuilder());
            if (plan.source == null) {
                plan.source = file + ", sheet " + sheet.name() + ", row " + row;
            }
            String description = text(sheet, row, columns.get("description"));
            if (plan.description == null && !description.isEmpty()) {
                plan.description = description;
            }
            SheetCell actionCell = sheet.cell(row, columns.get("action"));
            PlanAction.Type type;
            try {
                type = PlanAction.Type.valueOf(actionCell.text().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(file, actionCell, "action '" + actionCell.text() + "' must be CUT_LIMIT, REQUIRE_PREPAYMENT or NOTIFY");
                continue;
            }
            List<String> classes = new ArrayList<>();
            if (columns.containsKey("risk classes")) {
                SheetCell classCell = sheet.cell(row, columns.get("risk classes"));
                for (String value : list(classCell.text())) {
                    if (CLASSES.contains(value.toUpperCase(Locale.ROOT))) {
                        classes.add(value.toUpperCase(Locale.ROOT));
                    } else {
                        error(file, classCell, "risk class '" + value + "' must be one of A, B, C, D, E");
                    }
                }
            }
            BigDecimal percent = null;
            if (type == PlanAction.Type.CUT_LIMIT) {
                SheetCell percentCell = columns.containsKey("percent") ? sheet.cell(row, columns.get("percent"))
                        : actionCell;
                try {
                    percent = new BigDecimal(percentCell.text().trim());
                    if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                        error(file, percentCell, "CUT_LIMIT needs a percent above 0 and at most 100, not " + percentCell.text());
                    }
                } catch (NumberFormatException e) {
                    error(file, percentCell, "CUT_LIMIT needs a percent (above 0, at most 100), not '" + percentCell.text() + "'");
                }
            }
            List<String> notify = columns.containsKey("notify") ? list(text(sheet, row, columns.get("notify"))) : List.of();
            if (type == PlanAction.Type.NOTIFY && notify.isEmpty()) {
                error(file, columns.containsKey("notify") ? sheet.cell(row, columns.get("notify")) : actionCell,
                        "NOTIFY needs the owners to notify, comma-separated");
            }
            plan.actions.add(new PlanAction(type, classes, percent, notify));
        }
    }

    private Result finish() {
        if (registerLocation != null && matrix == null && errors.isEmpty()) {
            errors.add(registerLocation);
        }
        Map<String, ContingencyCatalog.RegisteredRisk> levelled = new LinkedHashMap<>();
        for (ContingencyCatalog.RegisteredRisk risk : register.values()) {
            if (!plans.containsKey(risk.planCode())) {
                CompileMessage cell = registerPlanCells.get(risk.riskType());
                errors.add(CompileMessage.cellError(cell.file(), cell.sheet(), cell.cell(),
                        "plan '" + risk.planCode() + "' is not in the ContingencyPlans sheet"));
            }
            RiskLevel level = matrix == null ? null : matrix[risk.likelihood() - 1][risk.impact() - 1];
            levelled.put(risk.riskType(), new ContingencyCatalog.RegisteredRisk(risk.riskType(), risk.description(),
                    risk.likelihood(), risk.impact(), level, risk.owner(), risk.planCode(), risk.source()));
        }
        for (RaiseReference reference : raised) {
            if (!register.containsKey(reference.riskType())) {
                CompileMessage where = reference.where();
                errors.add(new CompileMessage(CompileMessage.Level.ERROR, where.file(), where.sheet(), where.cell(),
                        where.line(), "risk type '" + reference.riskType() + "' is not in the risk register"
                        + (register.isEmpty() ? " (no RiskRegister sheet found)" : "; known: " + String.join(", ", register.keySet()))));
            }
        }
        Map<String, ContingencyCatalog.Plan> built = new LinkedHashMap<>();
        plans.forEach((code, plan) -> built.put(code, new ContingencyCatalog.Plan(code,
                plan.description == null ? "" : plan.description, plan.actions, plan.source)));
        ContingencyCatalog catalog = errors.isEmpty() ? new ContingencyCatalog(levelled, matrix, built) : null;
        return new Result(catalog, List.copyOf(errors));
    }

    private Integer oneToFive(String file, SheetCell cell, String what) {
        try {
            int value = Integer.parseInt(cell.text().trim());
            if (value >= 1 && value <= 5) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(file, cell, what + " must be a whole number from 1 to 5, not '" + cell.text() + "'");
        return null;
    }

    private void error(String file, SheetCell cell, String message) {
        errors.add(CompileMessage.cellError(file, cell.sheet(), cell.ref(), message));
    }

    private static String text(SheetGrid sheet, int row, Integer col) {
        return col == null ? "" : sheet.cell(row, col).text().trim();
    }

    private static List<String> list(String text) {
        List<String> values = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
