package io.salesrisk.contingency.catalog;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.SheetGrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a rule set's contingency catalog from the reference sheets of its workbooks, each marked by a cell
 * {@code RiskRegister}, {@code RiskMatrix} or {@code ContingencyPlans} with a header row under it (one reader per
 * table), then checks them against each other the way the compiler checks rules: a register needs a matrix, every
 * risk's plan must exist, and every risk type a trigger raises must be registered. Every problem is at its sheet and
 * cell; a rule set with problems here is rejected like one that does not compile.
 */
public final class ContingencyCatalogReader {

    /** The catalog, or the problems that keep it from being used. */
    public record Result(ContingencyCatalog catalog, List<CompileMessage> errors) {
    }

    private ContingencyCatalogReader() {
    }

    /**
     * @param workbooks   the rule set's decision tables as compiled
     * @param drlFiles    its DRL files, whose {@code raise("...")} calls are checked against the register
     * @param riskClasses the configured risk classes a plan action may name
     */
    public static Result read(List<DecisionTableWorkbook> workbooks, List<RuleFile> drlFiles, List<String> riskClasses) {
        List<CompileMessage> errors = new ArrayList<>();
        Map<String, RiskRegisterReader.Entry> register = new LinkedHashMap<>();
        Map<String, ContingencyPlansReader.PlanBuilder> plans = new LinkedHashMap<>();
        RiskLevel[][] matrix = null;
        CompileMessage registerWithoutMatrix = null;
        for (DecisionTableWorkbook workbook : workbooks) {
            for (SheetGrid sheet : workbook.sheets()) {
                for (int row = 1; row <= sheet.lastRow(); row++) {
                    for (int col = 0; col < sheet.width(row); col++) {
                        String keyword = sheet.cell(row, col).text().trim().toLowerCase(Locale.ROOT);
                        ReferenceSheet table = new ReferenceSheet(workbook.file(), sheet, row + 1, col, errors);
                        switch (keyword) {
                            case "riskregister" -> {
                                if (RiskRegisterReader.read(table, register)) {
                                    registerWithoutMatrix = CompileMessage.cellError(workbook.file(), sheet.name(),
                                            table.keyword().ref(), "the risk register needs a RiskMatrix (likelihood x impact)"
                                                    + " to give each risk its level");
                                }
                            }
                            case "riskmatrix" -> {
                                RiskLevel[][] read = RiskMatrixReader.read(table);
                                matrix = read == null ? matrix : read;
                            }
                            case "contingencyplans" -> ContingencyPlansReader.read(table, riskClasses, plans);
                            default -> {
                            }
                        }
                    }
                }
            }
        }
        if (registerWithoutMatrix != null && matrix == null && errors.isEmpty()) {
            errors.add(registerWithoutMatrix);
        }
        Map<String, ContingencyCatalog.RegisteredRisk> levelled = crossCheck(register, plans, matrix,
                RaisedRiskReferences.find(workbooks, drlFiles), errors);
        Map<String, ContingencyCatalog.Plan> built = new LinkedHashMap<>();
        plans.forEach((code, plan) -> built.put(code, new ContingencyCatalog.Plan(code,
                plan.description == null ? "" : plan.description, plan.actions, plan.source)));
        ContingencyCatalog catalog = errors.isEmpty() ? new ContingencyCatalog(levelled, matrix, built) : null;
        return new Result(catalog, List.copyOf(errors));
    }

    /** Gives each registered risk its level and reports the plans and raised risk types that do not exist. */
    private static Map<String, ContingencyCatalog.RegisteredRisk> crossCheck(Map<String, RiskRegisterReader.Entry> register,
            Map<String, ContingencyPlansReader.PlanBuilder> plans, RiskLevel[][] matrix,
            List<RaisedRiskReferences.Reference> raised, List<CompileMessage> errors) {
        Map<String, ContingencyCatalog.RegisteredRisk> levelled = new LinkedHashMap<>();
        for (RiskRegisterReader.Entry entry : register.values()) {
            ContingencyCatalog.RegisteredRisk risk = entry.risk();
            if (!plans.containsKey(risk.planCode())) {
                CompileMessage cell = entry.planCell();
                errors.add(CompileMessage.cellError(cell.file(), cell.sheet(), cell.cell(),
                        "plan '" + risk.planCode() + "' is not in the ContingencyPlans sheet"));
            }
            RiskLevel level = matrix == null ? null : matrix[risk.likelihood() - 1][risk.impact() - 1];
            levelled.put(risk.riskType(), new ContingencyCatalog.RegisteredRisk(risk.riskType(), risk.description(),
                    risk.likelihood(), risk.impact(), level, risk.owner(), risk.planCode(), risk.source()));
        }
        for (RaisedRiskReferences.Reference reference : raised) {
            if (!register.containsKey(reference.riskType())) {
                CompileMessage where = reference.where();
                errors.add(new CompileMessage(CompileMessage.Level.ERROR, where.file(), where.sheet(), where.cell(),
                        where.line(), "risk type '" + reference.riskType() + "' is not in the risk register"
                        + (register.isEmpty() ? " (no RiskRegister sheet found)" : "; known: " + String.join(", ", register.keySet()))));
            }
        }
        return levelled;
    }
}
