package io.salesrisk.contingency.catalog;

import io.salesrisk.engine.table.CellValues;
import io.salesrisk.engine.table.SheetCell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code ContingencyPlans} sheet: one row per action of a plan (CUT_LIMIT with a percent, REQUIRE_PREPAYMENT,
 * NOTIFY with owners), optionally for some risk classes only. Rows with the same plan code add up to one plan.
 */
final class ContingencyPlansReader {

    /** A plan as its rows are read. */
    static final class PlanBuilder {
        String description;
        final List<PlanAction> actions = new ArrayList<>();
        String source;
    }

    private ContingencyPlansReader() {
    }

    /** @param riskClasses the configured risk classes an action may name */
    static void read(ReferenceSheet sheet, List<String> riskClasses, Map<String, PlanBuilder> plans) {
        Map<String, Integer> columns = sheet.columns("ContingencyPlans", List.of("plan", "action"),
                List.of("description", "risk classes", "percent", "notify"));
        if (columns.size() < 2) {
            return;
        }
        for (int row = sheet.headerRow + 1; !sheet.cell(row, columns.get("plan")).isBlank(); row++) {
            PlanBuilder plan = plans.computeIfAbsent(sheet.text(row, columns.get("plan")), c -> new PlanBuilder());
            if (plan.source == null) {
                plan.source = sheet.source(row);
            }
            String description = sheet.text(row, columns.get("description"));
            if (plan.description == null && !description.isEmpty()) {
                plan.description = description;
            }
            SheetCell actionCell = sheet.cell(row, columns.get("action"));
            PlanAction.Type type;
            try {
                type = PlanAction.Type.valueOf(actionCell.text().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                sheet.error(actionCell, "action '" + actionCell.text() + "' must be CUT_LIMIT, REQUIRE_PREPAYMENT or NOTIFY");
                continue;
            }
            List<String> classes = classes(sheet, row, columns.get("risk classes"), riskClasses);
            BigDecimal percent = type == PlanAction.Type.CUT_LIMIT
                    ? percent(sheet, columns.containsKey("percent") ? sheet.cell(row, columns.get("percent")) : actionCell)
                    : null;
            List<String> notify = CellValues.values(sheet.text(row, columns.get("notify")));
            if (type == PlanAction.Type.NOTIFY && notify.isEmpty()) {
                sheet.error(columns.containsKey("notify") ? sheet.cell(row, columns.get("notify")) : actionCell,
                        "NOTIFY needs the owners to notify, comma-separated");
            }
            plan.actions.add(new PlanAction(type, classes, percent, notify));
        }
    }

    private static List<String> classes(ReferenceSheet sheet, int row, Integer column, List<String> riskClasses) {
        List<String> classes = new ArrayList<>();
        if (column == null) {
            return classes;
        }
        SheetCell cell = sheet.cell(row, column);
        for (String value : CellValues.values(cell.text())) {
            String riskClass = value.toUpperCase(Locale.ROOT);
            if (riskClasses.contains(riskClass)) {
                classes.add(riskClass);
            } else {
                sheet.error(cell, "risk class '" + value + "' must be one of " + String.join(", ", riskClasses));
            }
        }
        return classes;
    }

    private static BigDecimal percent(ReferenceSheet sheet, SheetCell cell) {
        BigDecimal percent = CellValues.number(cell.text());
        if (percent == null) {
            sheet.error(cell, "CUT_LIMIT needs a percent (above 0, at most 100), not '" + cell.text() + "'");
        } else if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            sheet.error(cell, "CUT_LIMIT needs a percent above 0 and at most 100, not " + cell.text());
        }
        return percent;
    }
}
