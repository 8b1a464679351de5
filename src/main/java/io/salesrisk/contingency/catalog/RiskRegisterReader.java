package io.salesrisk.contingency.catalog;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.table.SheetCell;

import java.util.List;
import java.util.Map;

/** Reads a {@code RiskRegister} sheet: risk type, likelihood and impact (1-5), owner, the plan it activates. */
final class RiskRegisterReader {

    /** A register row before the matrix gives it a level, with the cell that names its plan. */
    record Entry(ContingencyCatalog.RegisteredRisk risk, CompileMessage planCell) {
    }

    private RiskRegisterReader() {
    }

    /** Adds the sheet's risks to the register; false when its header lacks a required column (error recorded). */
    static boolean read(ReferenceSheet sheet, Map<String, Entry> register) {
        Map<String, Integer> columns = sheet.columns("RiskRegister",
                List.of("risk type", "likelihood", "impact", "owner", "plan"), List.of("description"));
        if (columns.size() < 5) {
            return false;
        }
        for (int row = sheet.headerRow + 1; !sheet.cell(row, columns.get("risk type")).isBlank(); row++) {
            SheetCell typeCell = sheet.cell(row, columns.get("risk type"));
            String type = typeCell.text().trim();
            if (register.containsKey(type)) {
                sheet.error(typeCell, "risk type " + type + " is already in the register");
                continue;
            }
            Integer likelihood = sheet.oneToFive(sheet.cell(row, columns.get("likelihood")), "likelihood");
            Integer impact = sheet.oneToFive(sheet.cell(row, columns.get("impact")), "impact");
            SheetCell planCell = sheet.cell(row, columns.get("plan"));
            if (planCell.isBlank()) {
                sheet.error(planCell, "risk type " + type + " needs the code of the plan it activates");
            }
            if (likelihood != null && impact != null && !planCell.isBlank()) {
                register.put(type, new Entry(new ContingencyCatalog.RegisteredRisk(type, sheet.text(row, columns.get("description")),
                        likelihood, impact, null, sheet.text(row, columns.get("owner")), planCell.text().trim(),
                        sheet.source(row)), sheet.at(planCell)));
            }
        }
        return true;
    }
}
