package io.salesrisk.kpi.service;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A KPI as measured for one scope, before the KPI table bands it.
 *
 * @param inputs the figures the value was computed from, for the alert and the history
 */
public record Measured(Kpi kpi, Kpi.ScopeKind scopeKind, String scope, BigDecimal value, String period,
                       Map<String, Object> inputs) {
}
