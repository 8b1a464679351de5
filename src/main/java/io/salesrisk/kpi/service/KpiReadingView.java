package io.salesrisk.kpi.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A KPI value with the band the KPI table gave it and the row that did.
 *
 * @param band OK, WATCH, ALERT, or null when no row answered
 */
public record KpiReadingView(String kpi, String label, String unit, String scopeKind, String scope, BigDecimal value,
                             String period, String band, String rule, String row, String message, Object inputs,
                             OffsetDateTime evaluatedAt) {

    public boolean crossed() {
        return "WATCH".equals(band) || "ALERT".equals(band);
    }
}
