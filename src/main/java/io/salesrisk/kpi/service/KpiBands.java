package io.salesrisk.kpi.service;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.table.CellValues;
import io.salesrisk.engine.table.ColumnMeaning;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.RuleTable;
import io.salesrisk.engine.table.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The threshold bands of each KPI as the active KPI table has them, for the board ("WATCH 60–90"). */
public final class KpiBands {

    /** One row's band: scope kinds, range and band. */
    public record Band(String scopes, BigDecimal from, BigDecimal below, String band, String rule) {
        public String range() {
            if (from == null && below == null) {
                return "any";
            }
            if (from == null) {
                return "below " + below.stripTrailingZeros().toPlainString();
            }
            return below == null ? "from " + from.stripTrailingZeros().toPlainString()
                    : from.stripTrailingZeros().toPlainString() + "–" + below.stripTrailingZeros().toPlainString();
        }
    }

    private KpiBands() {
    }

    /** By KPI name, the bands in ascending order. */
    public static Map<String, List<Band>> of(CompiledRuleSet rules) {
        Map<String, List<Band>> bands = new LinkedHashMap<>();
        for (DecisionTableWorkbook workbook : rules.tables()) {
            for (RuleTable table : workbook.tables()) {
                if (!table.patternTypes().contains("KpiReading")) {
                    continue;
                }
                int kpi = KpiTableCheck.column(table, "kpi", ColumnMeaning.Kind.KEY);
                int scope = KpiTableCheck.column(table, "scopeKind", ColumnMeaning.Kind.KEY);
                int from = KpiTableCheck.column(table, "value", ColumnMeaning.Kind.LOWER);
                int below = KpiTableCheck.column(table, "value", ColumnMeaning.Kind.UPPER);
                int band = -1;
                for (int i = 0; i < table.columns().size(); i++) {
                    if (table.columns().get(i).template().text().contains("KpiReading.Band.")) {
                        band = i;
                    }
                }
                if (kpi < 0 || band < 0) {
                    continue;
                }
                for (TableRow row : table.rows()) {
                    bands.computeIfAbsent(row.cells().get(kpi).text().strip(), k -> new ArrayList<>()).add(new Band(
                            scope < 0 ? "" : row.cells().get(scope).text(),
                            from < 0 ? null : CellValues.number(row.cells().get(from).text()),
                            below < 0 ? null : CellValues.number(row.cells().get(below).text()),
                            row.cells().get(band).text().strip(), row.rule()));
                }
            }
        }
        bands.values().forEach(list -> list.sort(Comparator.comparing(Band::from,
                Comparator.nullsFirst(Comparator.naturalOrder()))));
        return bands;
    }
}
