package io.salesrisk.kpi.service;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.table.CellValues;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.RuleTable;
import io.salesrisk.engine.table.SheetCell;
import io.salesrisk.engine.table.ColumnMeaning;
import io.salesrisk.engine.table.TableRow;
import io.salesrisk.ruleset.service.RuleSetCheck;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rejects a KPI table that would silently not work: a row naming a KPI or scope kind the service does not measure
 * (it would never fire), and bands of one KPI and scope kinds that leave a gap (a value there gets no band, so a
 * crossed threshold could go unnoticed). Unlike the general band analysis, whose gaps are warnings, these are errors
 * at the file, sheet and cell, so the version is refused and the active one stays.
 */
@ApplicationScoped
public class KpiTableCheck implements RuleSetCheck {

    static final String FILE = "process-kpis.xlsx";

    @Override
    public List<CompileMessage> check(CompiledRuleSet candidate) {
        List<CompileMessage> errors = new ArrayList<>();
        for (DecisionTableWorkbook workbook : candidate.tables()) {
            for (RuleTable table : workbook.tables()) {
                if (table.patternTypes().contains("KpiReading")) {
                    check(workbook.file(), table, errors);
                }
            }
        }
        return errors;
    }

    /** One row's band, with the cells it was read from. */
    private record BandRow(TableRow row, SheetCell kpiCell, BigDecimal from, BigDecimal below) {
    }

    static void check(String file, RuleTable table, List<CompileMessage> errors) {
        int kpiColumn = column(table, "kpi", ColumnMeaning.Kind.KEY);
        int scopeColumn = column(table, "scopeKind", ColumnMeaning.Kind.KEY);
        int fromColumn = column(table, "value", ColumnMeaning.Kind.LOWER);
        int belowColumn = column(table, "value", ColumnMeaning.Kind.UPPER);
        if (kpiColumn < 0) {
            errors.add(CompileMessage.cellError(file, table.sheet(), table.nameCell().ref(), "RuleTable " + table.name()
                    + " matches KpiReading but has no KPI column (kpi == \"$param\")"));
            return;
        }
        Map<String, List<BandRow>> bands = new LinkedHashMap<>();
        for (TableRow row : table.rows()) {
            SheetCell kpiCell = row.cells().get(kpiColumn);
            if (Kpi.named(kpiCell.text().strip()).isEmpty()) {
                errors.add(CompileMessage.cellError(file, kpiCell.sheet(), kpiCell.ref(), "unknown KPI '" + kpiCell.text()
                        + "'; the service measures " + String.join(", ", java.util.Arrays.stream(Kpi.values()).map(Enum::name).toList())));
                continue;
            }
            String scopes = "";
            if (scopeColumn >= 0) {
                SheetCell scopeCell = row.cells().get(scopeColumn);
                List<String> kinds = CellValues.values(scopeCell.text()).stream().map(String::strip).sorted().toList();
                for (String kind : kinds) {
                    if (java.util.Arrays.stream(Kpi.ScopeKind.values()).noneMatch(k -> k.name().equals(kind))) {
                        errors.add(CompileMessage.cellError(file, scopeCell.sheet(), scopeCell.ref(), "unknown scope kind '"
                                + kind + "'; scope kinds are PORTFOLIO, SEGMENT, REGION, REP"));
                    }
                }
                scopes = String.join(",", kinds);
            }
            BigDecimal from = fromColumn < 0 ? null : CellValues.number(row.cells().get(fromColumn).text());
            BigDecimal below = belowColumn < 0 ? null : CellValues.number(row.cells().get(belowColumn).text());
            bands.computeIfAbsent(kpiCell.text().strip() + " for " + (scopes.isEmpty() ? "every scope" : scopes),
                    k -> new ArrayList<>()).add(new BandRow(row, kpiCell, from, below));
        }
        bands.forEach((key, rows) -> gaps(file, table, key, rows, fromColumn, errors));
    }

    /** Sorted by their lower end, each band must start where the one before ends. */
    private static void gaps(String file, RuleTable table, String key, List<BandRow> rows, int fromColumn,
                             List<CompileMessage> errors) {
        List<BandRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(BandRow::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int i = 1; i < sorted.size(); i++) {
            BandRow previous = sorted.get(i - 1);
            BandRow next = sorted.get(i);
            if (previous.below() == null || next.from() == null || previous.below().compareTo(next.from()) >= 0) {
                continue; // they meet, or overlap (which the band analysis reports)
            }
            SheetCell at = fromColumn >= 0 ? next.row().cells().get(fromColumn) : next.kpiCell();
            errors.add(CompileMessage.cellError(file, at.sheet(), at.ref(), "gap: " + key + ", values from "
                    + previous.below().toPlainString() + " below " + next.from().toPlainString()
                    + " match no row of RuleTable " + table.name() + " (row " + previous.row().row() + " ends below "
                    + previous.below().toPlainString() + ", row " + next.row().row() + " starts at "
                    + next.from().toPlainString() + "): such a KPI would get no band and raise no alert"));
        }
    }

    /** The condition column that compares the field as {@code kind} (a key, a lower or an upper bound), or -1. */
    static int column(RuleTable table, String field, ColumnMeaning.Kind kind) {
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnMeaning meaning = ColumnMeaning.of(table.columns().get(i));
            if (meaning != null && meaning.kind() == kind && field.equals(meaning.field())) {
                return i;
            }
        }
        return -1;
    }
}
